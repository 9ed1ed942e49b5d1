import type { KindsOf } from './kinds.js';
import type { ScanProblem } from './scan.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const scanKinds = {
  'scan.folder-not-full-path': 'input',
  'scan.folder-unreadable': 'failure',
  'scan.folder-missing': 'input',
  'scan.symbolic-link': 'input',
  'scan.not-regular-file': 'input',
  'scan.file-unread': 'failure',
  'scan.no-instance': 'input',
  'scan.several-instances': 'input',
  'scan.replace-needs-import': 'input',
  'scan.replace-through-link': 'input',
  'scan.replace-value-changed': 'input',
  'scan.replace-other-value': 'input',
  'scan.finding-gone': 'input',
  'scan.finding-unread': 'failure',
  'scan.options-conflict': 'input',
} as const satisfies KindsOf<ScanProblem>;
