import { wordProblem, type Problem, type Wordings } from '../../../electron/contract/problems.js';
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

/** The app's words for every problem: they name fields and buttons, never a flag or a command. */
export const APP_WORDINGS: Wordings = {
  ...generalWordings, ...baselineWordings, ...emergencyWordings, ...gitWordings, ...injectWordings, ...instanceWordings, ...keyShapeWordings, ...keychainWordings, ...policyWordings, ...providerWordings, ...referenceWordings, ...refWordings, ...reportWordings, ...rotationWordings, ...runWordings, ...scanWordings, ...storeWordings, ...targetWordings, ...teamWordings, ...vaultWordings, ...warningWordings,
};

export function appProblemText(problem: Problem): string {
  return wordProblem(APP_WORDINGS, problem);
}
