// The CLI's entry (dist/cli/keyturn.mjs). `key get` and `read` run from this file alone
// (key-get-main.ts is bundled into it); `run` loads one file more (run-main.ts, dist/cli/keyturn-run.mjs);
// `scan --staged` and `scan --pushed`, what git hooks run, load one file more too (scan-hook-main.ts,
// dist/cli/keyturn-scan-hook.mjs); every other command loads the whole CLI (main.ts, dist/cli/keyturn-all.mjs and its chunks).
// scripts/build-cli.mjs builds them apart.
import { planCommand } from './command-plan.js';

const { program } = planCommand(process.argv.slice(2));
if (program === 'whole') await import('./main.js');
else if (program === 'run') await import('./run-main.js');
else if (program === 'scan-hook') await import('./scan-hook-main.js');
else await import('./key-get-main.js');
