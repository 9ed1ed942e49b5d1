import type { ProviderProblem } from '../../core/domain/problems/provider.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

export const providerWordings: AreaWordings<ProviderProblem> = {
  'provider.unknown': (p) => `unknown provider "${p.provider}": use one of ${p.known.join(', ')}, or define it with "keyturn provider add"`,
  'provider.call-failed': (p) => (p.status === undefined ? `${p.provider} ${p.call}: ${p.reason}` : `${p.provider} ${p.call} answered ${p.status}: ${p.reason}`),
  'provider.answer-unreadable': (p) => `${p.provider} ${p.call} answered with a body Keyturn cannot read`,
  'provider.remote-key-unchosen': (p) => `${p.provider} lists several keys that could be ${p.maskedKey} and none was chosen`,
};
