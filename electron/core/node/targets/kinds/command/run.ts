import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { problem } from '../../../../domain/problems/problem-error.js';
import type { TargetRefusal } from '../../../../domain/problems/targets.js';

export interface CommandTargetRun {
  command: string;
  args: readonly string[];
  secret: string;
  timeoutMs?: number;
  cwd?: string;
}

export interface CommandTargetResult {
  ok: boolean;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  durationMs: number;
  /** The end of what the command printed, with the secret masked. */
  output: string;
}

const OUTPUT_TAIL = 4096;
const KILL_GRACE_MS = 2_000;

/**
 * Runs a user's command with the key on its stdin — never in argv or the environment — so any
 * secret manager's CLI can be a swap target. No shell: the arguments are passed as they are.
 */
export function runCommandTarget(run: CommandTargetRun): Promise<CommandTargetResult> {
  const started = Date.now();
  const timeoutMs = run.timeoutMs ?? 30_000;
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    const child = spawn(run.command, [...run.args], { cwd: run.cwd, stdio: ['pipe', 'pipe', 'pipe'], shell: false });
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL * 2);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS).unref();
    }, timeoutMs);
    const mask = (text: string) => text.split(run.secret).join('[the key]').slice(-OUTPUT_TAIL);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      const what = error.code === 'ENOENT' ? `command not found: ${run.command}` : `could not start ${run.command} (${error.code ?? 'error'})`;
      resolve({ ok: false, exitCode: null, signal: null, timedOut: false, durationMs: Date.now() - started, output: what });
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ ok: exitCode === 0 && !timedOut, exitCode, signal, timedOut, durationMs: Date.now() - started, output: mask(output) });
    });
    // A command that exits without reading stdin makes the write fail with EPIPE; its exit code tells.
    child.stdin.on('error', () => undefined);
    child.stdin.end(run.secret);
  });
}

/**
 * Why `command` cannot be started here, or null when it can: a path must be an executable file;
 * a bare name must be one on PATH (as spawn looks it up, without a shell). Known before the swap
 * writes anything, so a missing program does not stop a swap half-done.
 */
export async function commandProblem(command: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<TargetRefusal | null> {
  if (command.includes('/')) {
    const path = isAbsolute(command) ? command : resolve(cwd, command);
    return (await isExecutableFile(path)) ? null : problem('target.command.not-found', { field: 'command', command, given: 'path' });
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && (await isExecutableFile(join(dir, command)))) return null;
  }
  return problem('target.command.not-found', { field: 'command', command, given: 'name' });
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
