import type { Problem } from '../../core/domain/problems/catalogue.js';
import { wordProblem, type Wordings } from '../../core/domain/problems/wording.js';
import { generalWordings } from './general.js';
import { instanceWordings } from './instance.js';
import { keyShapeWordings } from './key-shape.js';
import { legacyWordings } from './legacy.js';
import { providerWordings } from './provider.js';
import { refWordings } from './refs.js';
import { scanWordings } from './scan.js';

/** The terminal's words for every problem: they name flags and commands, since that is what a person types here. */
export const CLI_WORDINGS: Wordings = {
  ...generalWordings, ...instanceWordings, ...keyShapeWordings, ...providerWordings, ...refWordings, ...scanWordings, ...legacyWordings,
};

export function cliProblemText(problem: Problem): string {
  return wordProblem(CLI_WORDINGS, problem);
}
