import type { KindsOf } from './kinds.js';
import type { EmergencyProblem } from './emergency.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const emergencyKinds = {
  'emergency.already-revoked': 'input',
  'emergency.paste-lacks-key': 'input',
  'emergency.no-secret': 'input',
  'emergency.production-not-confirmed': 'input',
  'leak.too-long': 'input',
  'leak.empty': 'input',
  'emergency.pick-out-of-range': 'input',
  'emergency.several-keys': 'input',
  'emergency.answer-not-a-choice': 'input',
  'emergency.ref-or-leaked': 'input',
  'emergency.pick-needs-leaked': 'input',
  'emergency.resume-needs-ref': 'input',
  'emergency.not-confirmed': 'input',
} as const satisfies KindsOf<EmergencyProblem>;
