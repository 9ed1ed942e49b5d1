import type { TargetKindModule } from '../../../../targets/kind-module.js';
import { makeInjectTarget } from './make.js';
import { checkInjectTarget, writeInjectSwap } from './swap.js';

/** A file rendered from a template (`keyturn inject`): a rotation renders it again, atomically (0600), the previous one backed up. */
export const injectKind: TargetKindModule<'inject'> = {
  make: makeInjectTarget,
  // One file is rendered from one template: a second target writing it is the same target.
  sameAs: (a, b) => a.output === b.output,
  check: checkInjectTarget,
  write: writeInjectSwap,
};
