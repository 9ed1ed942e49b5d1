// The whole CLI, every command (dist/cli/keyturn-all.mjs): what entry.ts loads for all but `key get`.
import { runProcess } from './cli-process.js';
import { runCli } from './program.js';

await runProcess(runCli, () => import('@inquirer/prompts'));
