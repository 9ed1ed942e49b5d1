import { wordProblem, type Problem, type Wordings } from '../../core/domain/problems/catalogue.js';
import { emergencyWordings } from './emergency.js';
import { generalWordings } from './general.js';
import { instanceWordings } from './instance.js';
import { legacyWordings } from './legacy.js';
import { refWordings } from './refs.js';
import { reportWordings } from './report.js';
import { rotationWordings } from './rotation.js';
import { runWordings } from './run.js';

/** The terminal's words for every problem: they name flags and commands, since that is what a person types here. */
export const CLI_WORDINGS: Wordings = { ...generalWordings, ...instanceWordings, ...refWordings, ...rotationWordings, ...emergencyWordings, ...runWordings, ...reportWordings, ...legacyWordings };

export function cliProblemText(problem: Problem): string {
  return wordProblem(CLI_WORDINGS, problem);
}
