import type { AreaWordings, GeneralProblem } from '../../../electron/contract/problems.js';

export const generalWordings: AreaWordings<GeneralProblem> = {
  'call.invalid-arguments': (p) => `The app sent something the vault could not read (${p.path || 'arguments'}: ${p.reason}). Reload the window and try again.`,
  'call.unknown': () => 'The app asked the vault for something it does not know. Reload the window.',
  'host.request-refused': (p) => `Keyturn refused this window's request: ${p.reason}.`,
  'host.untrusted-sender': () => 'Keyturn refused a request that did not come from its own window.',
  unexpected: (p) => `Something went wrong: ${p.detail}`,
  'host.failed': () => 'Keyturn could not finish this. Try again; if it keeps happening, restart Keyturn.',
  'host.file-missing': (p) => `${p.path ?? 'A file Keyturn needed'} is not there: check the path and try again.`,
  'host.file-denied': (p) => `Keyturn may not open ${p.path ?? 'a file it needed'}: check its permissions and try again.`,
};
