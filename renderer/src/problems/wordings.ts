import { wordProblem, type Problem, type Wordings } from '../../../electron/contract/problems.js';
import { generalWordings } from './general.js';
import { instanceWordings } from './instance.js';
import { keychainWordings } from './keychain.js';
import { legacyWordings } from './legacy.js';
import { policyWordings } from './policy.js';
import { refWordings } from './refs.js';
import { storeWordings } from './store.js';
import { vaultWordings } from './vault.js';

/** The app's words for every problem: they name fields and buttons, never a flag or a command. */
export const APP_WORDINGS: Wordings = {
  ...generalWordings,
  ...instanceWordings,
  ...refWordings,
  ...vaultWordings,
  ...policyWordings,
  ...storeWordings,
  ...keychainWordings,
  ...legacyWordings,
};

export function appProblemText(problem: Problem): string {
  return wordProblem(APP_WORDINGS, problem);
}
