import type { RefProblem } from '../../core/domain/problems/refs.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

export const refWordings: AreaWordings<RefProblem> = {
  'ref.malformed': (p) => `"${p.ref}" is not a valid reference: write it as ${p.form}`,
  'key.not-found-by-id': (p) => `no key with id ${p.ref}: give a key id or PROVIDER/ORG/INSTANCE/NAME ("keyturn key list" shows them)`,
  'key.not-found': (p) => `no key named "${p.name}" in ${p.instance}: "keyturn key list" shows the keys`,
};
