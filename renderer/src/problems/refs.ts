import type { AreaWordings, RefProblem } from '../../../electron/contract/problems.js';

export const refWordings: AreaWordings<RefProblem> = {
  'ref.malformed': (p) => `"${p.ref}" does not name a key: it is written ${p.form}.`,
  'key.not-found-by-id': () => 'That key is no longer in the vault: it may have been removed. Choose a key from the list.',
  'key.not-found': (p) => `There is no key named "${p.name}" in ${p.instance}: choose one from the list.`,
};
