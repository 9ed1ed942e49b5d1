import type { KindsOf } from './kinds.js';
import type { VaultProblem } from './vault.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const vaultKinds = {
  'name.invalid': 'input',
  'env.invalid': 'input',
  'instance.exists': 'input',
  'instance.verify-path-fixed': 'input',
  'provider.definition-invalid': 'input',
  'provider.needs-prefix-or-pattern': 'input',
  'provider.pattern-invalid': 'input',
  'provider.exists': 'input',
  'key.name-taken': 'input',
  'key.expiry-passed': 'input',
  'new-key.already-stored': 'input',
  'new-key.same-as-old': 'input',
  'key.in-rotation': 'input',
  'instance.has-keys': 'input',
  'removal.not-confirmed': 'input',
  'key.rejected': 'input',
  'key.secret-missing': 'failure',
  'key.not-given': 'input',
  'verify.refs-and-all': 'input',
  'verify.nothing-chosen': 'input',
  'keychain.read-failed': 'failure',
  'keychain.write-failed': 'failure',
  'keychain.write-mismatch': 'failure',
  'keychain.remove-failed': 'failure',
} as const satisfies KindsOf<VaultProblem>;
