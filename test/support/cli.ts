import { Writable } from 'node:stream';
import { runCli } from '../../electron/cli/program.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `keyturn` in process with the given stdin; no terminal, so secrets come from stdin. */
export async function cli(argv: readonly string[], stdin = '', onStderr?: (text: string) => void): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    out: (t) => (stdout += t),
    err: (t) => {
      stderr += t;
      onStderr?.(t);
    },
    readStdin: async () => stdin,
    promptSecret: null,
    ask: null,
    confirm: null,
    env: {},
    sinks: {
      stdout: new Writable({ write: (chunk: Buffer, _e, done) => ((stdout += chunk.toString()), done()) }),
      stderr: new Writable({ write: (chunk: Buffer, _e, done) => ((stderr += chunk.toString()), done()) }),
    },
  });
  return { code, stdout, stderr };
}

/** A CLI bound to one vault home. */
export function cliFor(home: string) {
  return (argv: readonly string[], stdin = '', onStderr?: (text: string) => void) => cli(['--home', home, ...argv], stdin, onStderr);
}
