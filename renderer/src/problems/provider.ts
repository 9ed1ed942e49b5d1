import type { AreaWordings, ProviderProblem } from '../../../electron/contract/problems.js';

export const providerWordings: AreaWordings<ProviderProblem> = {
  'provider.unknown': (p) => `Keyturn knows no provider "${p.provider}": choose one of ${p.known.join(', ')}, or describe your own provider first.`,
  'provider.call-failed': (p) =>
    `${p.provider} could not ${p.call.replace(' key', ' the key')}${p.status === undefined ? '' : ` (it answered ${p.status})`}: ${p.reason}. ${p.outcomeUnknown ? 'It may still have done it: look in its dashboard before trying again.' : 'Nothing was changed there: try again later.'}`,
  'provider.answer-unreadable': (p) => `${p.provider} answered the call to ${p.call} (${p.status}) with something Keyturn cannot read: check the base URL, then try again.`,
  'provider.remote-key-unchosen': (p) => `${p.provider} lists several keys that could be ${p.maskedKey} and none was chosen: choose it in the list, or use the dashboard.`,
};
