import type { BaselineProblem } from '../../core/domain/problems/baseline.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

export const baselineWordings: AreaWordings<BaselineProblem> = {
  'baseline.malformed-line': (p) => `line ${p.line} of ${p.path} is not "FINGERPRINT PATH [# reason]": ${p.reason}`,
  'baseline.unreadable': (p) => `the baseline ${p.path} could not be read (${p.reason})`,
  'baseline.unwritable': (p) => `the baseline ${p.path} could not be written (${p.reason}): nothing was accepted`,
};
