import type { KindsOf } from './kinds.js';
import type { RotationProblem } from './rotation.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const rotationKinds = {
  'rotation.key-not-active': 'input',
  'rotation.no-in-place': 'input',
  'rotation.production-not-confirmed': 'input',
  'rotation.not-in-progress': 'input',
  'rotation.already-in-progress': 'input',
  // The same command works once the other process is done.
  'rotation.already-running': 'busy',
  'rotation.held': 'busy',
  'rotation.taken-over': 'busy',
  'rotation.instance-removed': 'input',
  'rotation.key-removed': 'input',
  'rotation.not-found': 'failure',
  'rotation.not-waiting': 'input',
  'rotation.new-key-missing': 'input',
  'rotation.revoke-started': 'input',
  'rotation.finished': 'input',
  'rotation.new-key-by-api': 'input',
  'rotation.expiry-too-soon': 'input',
  'rotation.expiry-not-native': 'input',
  'rotation.restore-failed': 'failure',
  'rotation.abandon-alone': 'input',
  'rotation.different-key-needs-resume': 'input',
  'remote-id.no-key-api': 'input',
  'remote-id.other-key': 'input',
  'remote-id.not-listed': 'input',
  'remote-id.answer-not-listed': 'input',
  'remote-id.undecided': 'input',
} as const satisfies KindsOf<RotationProblem>;
