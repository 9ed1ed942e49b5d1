import type { KindsOf } from './kinds.js';
import type { RunProblem } from './run.js';

/** Kept apart from the schemas so that throwing a problem never loads zod (the `key get` path stays small). */
export const runKinds = {
  'run.env-malformed': 'input',
  'run.env-twice': 'input',
  'run.command-missing': 'input',
  'run.env-file-unreadable': 'input',
  'run.command-not-found': 'failure',
  'run.command-not-started': 'failure',
} as const satisfies KindsOf<RunProblem>;
