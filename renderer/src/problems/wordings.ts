import { wordProblem, type Problem, type Wordings } from '../../../electron/contract/problems.js';
import { generalWordings } from './general.js';
import { instanceWordings } from './instance.js';
import { legacyWordings } from './legacy.js';
import { refWordings } from './refs.js';
import { warningWordings } from './warnings.js';

/** The app's words for every problem: they name fields and buttons, never a flag or a command. */
export const APP_WORDINGS: Wordings = { ...generalWordings, ...instanceWordings, ...refWordings, ...warningWordings, ...legacyWordings };

export function appProblemText(problem: Problem): string {
  return wordProblem(APP_WORDINGS, problem);
}
