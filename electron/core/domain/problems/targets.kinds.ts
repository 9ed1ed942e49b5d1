import type { KindsOf } from './kinds.js';
import type { TargetProblem } from './targets.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const targetKinds = {
  'target.file.cannot-look': 'input',
  'target.file.no-folder': 'input',
  'target.file.missing': 'input',
  'target.file.dangling-link': 'input',
  'target.file.not-regular': 'input',
  'target.file.hard-links': 'input',
  'target.file.read-only': 'input',
  'target.file.not-writable': 'input',
  'target.file.folder-not-writable': 'input',
  'target.file.unread': 'input',
  'target.file.moved': 'failure',
  'target.file.changed': 'failure',
  'target.file.replaced': 'failure',
  'target.variable.missing': 'failure',
  'target.variable.foreign-value': 'failure',
  'target.value.multiline': 'input',
  'target.command.not-found': 'input',
  'target.file.required': 'input',
  'target.file.create-failed': 'input',
  'target.variable.invalid': 'input',
  'target.command.required': 'input',
  'target.needs-consent': 'input',
  'target.duplicate': 'input',
  'target.not-found': 'input',
  'target.kind.unknown': 'input',
  'target.malformed': 'input',
} as const satisfies KindsOf<TargetProblem>;
