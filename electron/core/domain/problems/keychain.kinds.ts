import type { KindsOf } from './kinds.js';
import type { KeychainProblem } from './keychain.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const keychainKinds = { 'keychain.locked': 'failure', 'keychain.unavailable': 'failure' } as const satisfies KindsOf<KeychainProblem>;
