// `keyturn run` alone (dist/cli/keyturn-run.mjs, one file: see entry.ts): a process started through
// it waits for keyturn before its first instruction, so run loads what resolving references and
// spawning need, not the whole CLI (commander's full program, the schemas, the HTTP client).
import { runProcess } from './cli-process.js';
import { registerRunCommand } from './commands/run.js';
import { runProgram, type CommandSource } from './run-program.js';

const runOnly: CommandSource = {
  load: async () => ({ register: (program, ctx, io) => registerRunCommand(program, ctx, io.sinks), vaultParts: null }),
};

// It never asks on a terminal: the keys come from the vault, the command's stdin is the terminal's.
await runProcess((argv, io) => runProgram(argv, io, runOnly), null);
