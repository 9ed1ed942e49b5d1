import type { KindsOf } from './kinds.js';
import type { PolicyProblem } from './policy.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const policyKinds = {
  'date.invalid': 'input',
  'days.out-of-range': 'input',
  'policy.provider-not-in-vault': 'input',
  'policy.days-per-environment': 'input',
  'policy.scope-conflict': 'input',
  'policy.instance-days-missing': 'input',
  'policy.days-for-instance-only': 'input',
  'policy.default-not-clearable': 'input',
  'policy.days-missing': 'input',
  'key-dates.nothing-to-change': 'input',
} as const satisfies KindsOf<PolicyProblem>;
