import { spawn } from 'node:child_process';
import { maskingStream } from './mask-stream.js';

export interface RunWithSecrets {
  command: string;
  args: readonly string[];
  /** Variable → secret: injected into this child's environment only. */
  env: Readonly<Record<string, string>>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd?: string;
}

/**
 * Runs a command with secrets in its environment (never its argv) and masks every secret in what it
 * prints, so a debug log cannot leak them to the terminal. No shell; stdin is the terminal's.
 */
export function runWithSecrets(run: RunWithSecrets): Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }> {
  const masks = new Map(Object.entries(run.env).map(([variable, secret]) => [secret, `[keyturn:${variable}]`]));
  return new Promise((resolve, reject) => {
    const child = spawn(run.command, [...run.args], { cwd: run.cwd, env: { ...process.env, ...run.env }, stdio: ['inherit', 'pipe', 'pipe'], shell: false });
    child.stdout.pipe(maskingStream(masks)).pipe(run.stdout, { end: false });
    child.stderr.pipe(maskingStream(masks)).pipe(run.stderr, { end: false });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    const cleanUp = () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      cleanUp();
      reject(new Error(error.code === 'ENOENT' ? `command not found: ${run.command}` : `could not start ${run.command} (${error.code ?? 'error'})`));
    });
    child.on('close', (exitCode, signal) => {
      cleanUp();
      resolve({ exitCode, signal });
    });
  });
}
