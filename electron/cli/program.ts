import { allCommands } from './command-modules.js';
import type { CliIo } from './io.js';
import { runProgram } from './run-program.js';

/** Runs one `keyturn` invocation, any command, and returns its exit code. Never calls process.exit. */
export function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  return runProgram(argv, io, allCommands);
}
