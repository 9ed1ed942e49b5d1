import type { AreaWordings, LegacyProblem } from '../../../electron/contract/problems.js';

export const legacyWordings: AreaWordings<LegacyProblem> = {
  'legacy.input': (p) => p.text,
  'legacy.failure': (p) => p.text,
};
