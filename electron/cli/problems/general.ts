import type { GeneralProblem } from '../../core/domain/problems/general.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

export const generalWordings: AreaWordings<GeneralProblem> = {
  'call.invalid-arguments': (p) => `${p.path || 'arguments'}: ${p.reason}`,
  'call.unknown': (p) => `there is no call named ${p.name}`,
  'host.request-refused': (p) => `refused: ${p.reason}`,
  'host.untrusted-sender': () => 'refused: this call did not come from the Keyturn window',
  unexpected: (p) => p.detail,
  'host.failed': () => 'Keyturn could not finish this: nothing more is known; try again, and if it keeps failing, restart Keyturn',
  'host.file-missing': (p) => `${p.path ?? 'a file Keyturn needed'} is not there: check the path and try again`,
  'host.file-denied': (p) => `Keyturn may not open ${p.path ?? 'a file it needed'}: check its permissions and try again`,
};
