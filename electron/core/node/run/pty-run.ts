import { constants } from 'node:os';
import { finished } from 'node:stream/promises';
import type { IPty } from 'node-pty';
import { ProblemError, problem } from '../../domain/problems/problem-error.js';
import { commandProblem } from '../targets/kinds/command/run.js';
import { childEnvironment } from './child-environment.js';
import { childOutputStream } from './mask-stream.js';
import type { RunOutcome, RunWithSecrets, TerminalInput } from './run-request.js';

/** Where the window size comes from: keyturn's stdout when it is a terminal (tty.WriteStream emits `resize` on SIGWINCH). */
interface TerminalOutput extends NodeJS.WritableStream {
  columns?: number;
  rows?: number;
}

/**
 * The child is in a session of its own (its pty), so no signal keyturn's terminal sends reaches it:
 * each is passed on. With stdin in raw mode the terminal sends none anyway: Ctrl-C and Ctrl-\ are
 * bytes, forwarded to the pty, whose line discipline signals the child as a terminal does.
 */
const FORWARDED: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT'];

/** End of file on the child's terminal (what Ctrl-D types): how a piped stdin's end reaches it. */
const END_OF_FILE = '\x04';

const DEFAULT_SIZE = { cols: 80, rows: 24 };

function windowSize(output: TerminalOutput): { cols: number; rows: number } {
  const usable = (n: number | undefined): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0;
  return usable(output.columns) && usable(output.rows) ? { cols: output.columns, rows: output.rows } : DEFAULT_SIZE;
}

const SIGNAL_NAMES = new Map(Object.entries(constants.signals).map(([name, number]) => [number, name as NodeJS.Signals]));

/** node-pty reports a signal death as `signal` > 0 (its number) beside an exitCode of 0. */
export function ptyOutcome({ exitCode, signal }: { exitCode: number; signal?: number }): RunOutcome {
  if (signal === undefined || signal === 0) return { exitCode, signal: null };
  const name = SIGNAL_NAMES.get(signal);
  // A number Node has no name for: the status a shell would give it all the same.
  return name ? { exitCode: null, signal: name } : { exitCode: 128 + signal, signal: null };
}

/**
 * Puts `input` in raw mode (when it is a terminal) and gives back how to restore the mode it had.
 * The restore runs at most once, and also when the process exits by any other way (an uncaught
 * error), so the user's terminal is never left raw.
 */
function rawMode(input: TerminalInput): () => void {
  if (!input.isTTY || !input.setRawMode) return () => undefined;
  const was = input.isRaw === true;
  input.setRawMode(true);
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    process.off('exit', restore);
    input.setRawMode?.(was);
  };
  process.on('exit', restore);
  return restore;
}

/**
 * Runs the command under a pseudo-terminal (node-pty, loaded only here): it sees a terminal on its
 * stdin, stdout and stderr, so it keeps its colours, line editing and prompts. keyturn's stdin goes
 * to the pty in raw mode, the window size follows keyturn's stdout, and the pty's one output stream
 * is masked on its way to `run.stdout`. Settles once the child has exited and its output is written.
 */
export async function runUnderPty(run: RunWithSecrets, masks: ReadonlyMap<string, string>): Promise<RunOutcome> {
  const env = childEnvironment(run);
  const cwd = run.cwd ?? process.cwd();
  // node-pty forks before it execs: a missing program would be a child that fails, not an error. So
  // it is looked up first, as exec will (the child's PATH), and refused before anything runs.
  if (await commandProblem(run.command, env, cwd)) throw new ProblemError(problem('run.command-not-found', { field: 'command', command: run.command }));
  const { spawn } = await import('node-pty');
  const stdout: TerminalOutput = run.stdout;
  const stdin = run.stdin ?? process.stdin;

  let child: IPty;
  try {
    // encoding null: the output as bytes, so a secret is matched byte for byte and nothing is decoded twice.
    child = spawn(run.command, [...run.args], { ...windowSize(stdout), cwd, env, encoding: null });
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'pty';
    throw new ProblemError(problem('run.command-not-started', { field: 'command', command: run.command, reason }), { cause: error });
  }

  return new Promise<RunOutcome>((resolve, reject) => {
    const output = childOutputStream(masks, run.masking !== false);
    output.pipe(stdout, { end: false });
    let exited = false;
    const cleanups: (() => void)[] = [];
    let settled = false;
    const settle = (then: () => void) => {
      if (settled) return;
      settled = true;
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
      then();
    };

    try {
      // node-pty types its data as a string; with encoding null it is a Buffer.
      const data = child.onData((chunk: string | Buffer) => {
        if (exited) return;
        if (!output.write(chunk)) {
          child.pause();
          output.once('drain', () => child.resume());
        }
      });
      cleanups.push(() => data.dispose());

      const handlers = FORWARDED.map((signal) => [signal, () => child.kill(signal)] as const);
      for (const [signal, handler] of handlers) process.on(signal, handler);
      cleanups.push(() => {
        for (const [signal, handler] of handlers) process.off(signal, handler);
      });

      const resize = () => {
        const { cols, rows } = windowSize(stdout);
        child.resize(cols, rows);
      };
      stdout.on('resize', resize);
      cleanups.push(() => stdout.off('resize', resize));

      const restoreMode = rawMode(stdin);
      cleanups.push(restoreMode);
      const typed = (chunk: string | Buffer) => child.write(chunk);
      const ended = () => child.write(END_OF_FILE);
      stdin.on('data', typed);
      if (!stdin.isTTY) stdin.once('end', ended);
      cleanups.push(() => {
        stdin.off('data', typed);
        stdin.off('end', ended);
        // Flowing, it would keep keyturn alive after the child has gone.
        stdin.pause();
      });

      // node-pty reports the exit once the pty has been read to its end: all output is in.
      child.onExit((exit) => {
        exited = true;
        output.end();
        void finished(output)
          .catch(() => undefined)
          .then(() => settle(() => resolve(ptyOutcome(exit))));
      });
    } catch (error) {
      child.kill('SIGKILL');
      settle(() => reject(error instanceof Error ? error : new Error(String(error))));
    }
  });
}
