import type { KindsOf } from './kinds.js';
import type { ProviderProblem } from './provider.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const providerKinds = {
  'provider.unknown': 'input',
  'provider.call-failed': 'failure',
  'provider.answer-unreadable': 'failure',
  'provider.remote-key-unchosen': 'failure',
} as const satisfies KindsOf<ProviderProblem>;
