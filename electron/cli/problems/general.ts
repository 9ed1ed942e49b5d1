import type { GeneralProblem } from '../../core/domain/problems/general.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

export const generalWordings: AreaWordings<GeneralProblem> = {
  'call.invalid-arguments': (p) => `${p.path || 'arguments'}: ${p.reason}`,
  'call.unknown': (p) => `there is no call named ${p.name}`,
  'host.request-refused': (p) => `refused: ${p.reason}`,
  'host.untrusted-sender': () => 'refused: this call did not come from the Keyturn window',
  unexpected: (p) => p.detail,
};
