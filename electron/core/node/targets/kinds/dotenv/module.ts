import type { TargetKindModule } from '../../../../targets/kind-module.js';
import { makeDotenvTarget } from './make.js';
import { checkDotenvTarget, writeDotenvSwap } from './swap.js';

/** A variable in a `.env` file, written atomically, every other byte kept, the file backed up. */
export const dotenvKind: TargetKindModule<'dotenv'> = {
  make: makeDotenvTarget,
  sameAs: (a, b) => a.file === b.file && a.variable === b.variable,
  check: checkDotenvTarget,
  write: writeDotenvSwap,
};
