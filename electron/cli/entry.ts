// The CLI's entry (dist/cli/keyturn.mjs). `key get` runs from this file alone (key-get-main.ts is
// bundled into it); every other command loads the whole CLI (main.ts, dist/cli/keyturn-all.mjs and
// its chunks). scripts/build-cli.mjs builds the two apart.
import { planCommand } from './command-plan.js';

if (planCommand(process.argv.slice(2)).usesVault) await import('./main.js');
else await import('./key-get-main.js');
