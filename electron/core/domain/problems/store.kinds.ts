import type { KindsOf } from './kinds.js';
import type { StoreProblem } from './store.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const storeKinds = {
  'vault.identity-lost': 'failure',
  'vault.identity-mismatch': 'failure',
  'vault.damaged': 'failure',
  'vault.metadata-invalid': 'failure',
  'recover-id.not-an-id': 'input',
  'recover-id.not-recorded-id': 'input',
  'recover-id.unknown': 'input',
  'recover-id.nothing-to-recover': 'input',
  'recover-id.given-id-holds-nothing': 'input',
  'recover-id.recorded-id-holds-nothing': 'failure',
  'recover-id.ambiguous': 'input',
} as const satisfies KindsOf<StoreProblem>;
