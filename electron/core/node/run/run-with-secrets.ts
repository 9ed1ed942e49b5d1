import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ProblemError, problem } from '../../domain/problems/problem-error.js';
import { childEnvironment } from './child-environment.js';
import { childOutputStream } from './mask-stream.js';
import { runUnderPty } from './pty-run.js';
import type { RunOutcome, RunWithSecrets } from './run-request.js';

export type { RunOutcome, RunWithSecrets } from './run-request.js';

/** Passed on to the child whoever sent them. */
export const ALWAYS_FORWARDED: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];
/** What a terminal sends to its whole foreground process group. */
export const TERMINAL_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGQUIT'];

/** The exit status a shell reports: the child's exit code, or 128 + the number of the signal that ended it. */
export function shellExitStatus({ exitCode, signal }: RunOutcome): number {
  if (exitCode !== null) return exitCode;
  const number = signal ? constants.signals[signal] : undefined;
  return number === undefined ? 1 : 128 + number;
}

/**
 * Runs a command with secrets in its environment (never its argv) and masks every secret in what it
 * prints, so a debug log cannot leak them to the terminal. No shell; stdin is the terminal's.
 * Signals keyturn receives while the child runs are passed on to it (see `interactive`); the promise
 * settles once the child has exited and all its masked output has been written. With `terminal`,
 * the child runs under a pseudo-terminal instead (see runUnderPty).
 */
export function runWithSecrets(run: RunWithSecrets): Promise<RunOutcome> {
  const masks = new Map(Object.entries(run.env).map(([variable, secret]) => [secret, `[keyturn:${variable}]`]));
  if (run.terminal) return runUnderPty(run, masks);
  const masking = run.masking !== false;
  return new Promise((resolve, reject) => {
    const child = spawn(run.command, [...run.args], { cwd: run.cwd, env: childEnvironment(run), stdio: ['inherit', 'pipe', 'pipe'], shell: false });
    const outputs: Transform[] = [];
    if (run.merged) {
      const masked = childOutputStream(masks, masking);
      masked.pipe(run.stdout, { end: false });
      let open = 2;
      for (const source of [child.stdout, child.stderr]) {
        source.pipe(masked, { end: false });
        source.once('end', () => {
          if (--open === 0) masked.end();
        });
      }
      outputs.push(masked);
    } else {
      outputs.push(child.stdout.pipe(childOutputStream(masks, masking)), child.stderr.pipe(childOutputStream(masks, masking)));
      outputs[0]?.pipe(run.stdout, { end: false });
      outputs[1]?.pipe(run.stderr, { end: false });
    }

    const handlers = new Map<NodeJS.Signals, () => void>();
    for (const signal of ALWAYS_FORWARDED) handlers.set(signal, () => child.kill(signal));
    // Listening at all keeps keyturn alive (and masking) until the child has gone.
    for (const signal of TERMINAL_SIGNALS) handlers.set(signal, run.interactive ? () => undefined : () => child.kill(signal));
    for (const [signal, handler] of handlers) process.on(signal, handler);
    let settled = false;
    const settle = (then: () => void) => {
      if (settled) return;
      settled = true;
      for (const [signal, handler] of handlers) process.off(signal, handler);
      then();
    };

    child.on('error', (error: NodeJS.ErrnoException) => {
      const refused =
        error.code === 'ENOENT'
          ? problem('run.command-not-found', { field: 'command', command: run.command })
          : problem('run.command-not-started', { field: 'command', command: run.command, reason: error.code ?? 'error' });
      settle(() => reject(new ProblemError(refused, { cause: error })));
    });
    child.on('close', (exitCode, signal) => {
      void Promise.all(outputs.map((o) => finished(o).catch(() => undefined))).then(() => settle(() => resolve({ exitCode, signal })));
    });
  });
}
