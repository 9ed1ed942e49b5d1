import type { AreaWordings, BaselineProblem } from '../../../electron/contract/problems.js';

export const baselineWordings: AreaWordings<BaselineProblem> = {
  'baseline.malformed-line': (p) => `Line ${p.line} of ${p.path} is not an accepted finding ("FINGERPRINT PATH", then an optional "# reason"): ${p.reason}. Fix or remove that line.`,
  'baseline.unreadable': (p) => `The list of accepted findings ${p.path} could not be read (${p.reason}).`,
  'baseline.unwritable': (p) => `The list of accepted findings ${p.path} could not be written (${p.reason}): nothing was accepted.`,
};
