import type { Problem } from '../../core/domain/problems/catalogue.js';
import { wordProblem, type Wordings } from '../../core/domain/problems/wording.js';
import { baselineWordings } from './baseline.js';
import { emergencyWordings } from './emergency.js';
import { generalWordings } from './general.js';
import { gitWordings } from './git.js';
import { injectWordings } from './inject.js';
import { instanceWordings } from './instance.js';
import { keyShapeWordings } from './key-shape.js';
import { keychainWordings } from './keychain.js';
import { policyWordings } from './policy.js';
import { providerWordings } from './provider.js';
import { referenceWordings } from './reference.js';
import { refWordings } from './refs.js';
import { reportWordings } from './report.js';
import { rotationWordings } from './rotation.js';
import { runWordings } from './run.js';
import { scanWordings } from './scan.js';
import { storeWordings } from './store.js';
import { targetWordings } from './targets.js';
import { teamWordings } from './team.js';
import { vaultWordings } from './vault.js';
import { warningWordings } from './warnings.js';

/** The terminal's words for every problem: they name flags and commands, since that is what a person types here. */
export const CLI_WORDINGS: Wordings = {
  ...generalWordings, ...baselineWordings, ...emergencyWordings, ...gitWordings, ...injectWordings, ...instanceWordings, ...keyShapeWordings, ...keychainWordings, ...policyWordings, ...providerWordings, ...referenceWordings, ...refWordings, ...reportWordings, ...rotationWordings, ...runWordings, ...scanWordings, ...storeWordings, ...targetWordings, ...teamWordings, ...vaultWordings, ...warningWordings,
};

export function cliProblemText(problem: Problem): string {
  return wordProblem(CLI_WORDINGS, problem);
}
