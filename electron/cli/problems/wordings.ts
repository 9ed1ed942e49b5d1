import { wordProblem, type Problem, type Wordings } from '../../core/domain/problems/catalogue.js';
import { generalWordings } from './general.js';
import { instanceWordings } from './instance.js';
import { legacyWordings } from './legacy.js';
import { refWordings } from './refs.js';
import { warningWordings } from './warnings.js';

/** The terminal's words for every problem: they name flags and commands, since that is what a person types here. */
export const CLI_WORDINGS: Wordings = { ...generalWordings, ...instanceWordings, ...refWordings, ...warningWordings, ...legacyWordings };

export function cliProblemText(problem: Problem): string {
  return wordProblem(CLI_WORDINGS, problem);
}
