// `keyturn key get` and `keyturn read` (key get by reference): built into the CLI's entry file
// itself (see entry.ts), so a script reading a secret loads one file of the bundle, not the many
// chunks of the whole CLI.
import { runProcess } from './cli-process.js';
import { planCommand } from './command-plan.js';
import { addKeyCommand, registerKeyGetCommand } from './commands/key-get.js';
import { registerReadCommand } from './commands/read.js';
import { runProgram, type CommandSource } from './run-program.js';

const oneSecret: CommandSource = {
  load: async (argv) => ({
    register: (program, ctx) => {
      if (planCommand(argv).modules.includes('read')) registerReadCommand(program, ctx);
      else registerKeyGetCommand(addKeyCommand(program), ctx);
    },
    vaultParts: null,
  }),
};

// It never asks on a terminal: the secret is read from the vault, the ref from the arguments.
await runProcess((argv, io) => runProgram(argv, io, oneSecret), null);
