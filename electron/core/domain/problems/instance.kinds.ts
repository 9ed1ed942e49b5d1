import type { KindsOf } from './kinds.js';
import type { InstanceProblem } from './instance.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const instanceKinds = {
  'base-url.required': 'input',
  'base-url.not-a-url': 'input',
  'base-url.not-https': 'input',
  'base-url.has-extras': 'input',
  'verify-path.invalid': 'input',
  'verify-path.not-given': 'input',
  'project-id.required': 'input',
  'project-id.invalid': 'input',
  'instance.not-found': 'input',
} as const satisfies KindsOf<InstanceProblem>;
