import type { AreaWordings } from '../../core/domain/problems/wording.js';
import type { RunProblem } from '../../core/domain/problems/run.js';

export const runWordings: AreaWordings<RunProblem> = {
  'run.env-malformed': (p) => `--env "${p.value}" must be VAR=REF, e.g. --env NORA_API_KEY=keyturn://nora/acme/live/backend`,
  'run.env-twice': (p) => `--env names ${p.variable} twice`,
  'run.command-missing': () => 'give the command after --, e.g. keyturn run --env-file .env -- node app.js',
  'run.env-file-unreadable': (p) => `cannot read --env-file ${p.file} (${p.reason === 'ENOENT' ? 'no such file' : p.reason === 'EISDIR' ? 'a folder, not a file' : p.reason}); nothing was run`,
  'run.command-not-found': (p) => `command not found: ${p.command}`,
  'run.command-not-started': (p) => `could not start ${p.command} (${p.reason})`,
};
