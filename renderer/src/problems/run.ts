import type { AreaWordings, RunProblem } from '../../../electron/contract/problems.js';

export const runWordings: AreaWordings<RunProblem> = {
  'run.env-malformed': (p) => `"${p.value}" must be written VARIABLE=KEY REFERENCE, e.g. NORA_API_KEY=nora/acme/live/backend.`,
  'run.env-twice': (p) => `${p.variable} is given twice: give each variable one key.`,
  'run.command-missing': () => 'Give the command to run.',
  'run.env-file-unreadable': (p) => `The environment file ${p.file} could not be read (${p.reason}): nothing was run.`,
  'run.command-not-found': (p) => `There is no command ${p.command} on this machine: check its name.`,
  'run.command-not-started': (p) => `${p.command} could not be started (${p.reason}): check that it is a program this account may run.`,
};
