import type { LegacyProblem } from '../../core/domain/problems/legacy.js';
import type { AreaWordings } from '../../core/domain/problems/catalogue.js';

export const legacyWordings: AreaWordings<LegacyProblem> = {
  'legacy.input': (p) => p.text,
  'legacy.failure': (p) => p.text,
};
