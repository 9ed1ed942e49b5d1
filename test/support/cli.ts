import { spawn, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
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

export interface SpawnedCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves once the text printed so far includes `wanted`; rejects if the process ends first. */
  waitFor(stream: 'stdout' | 'stderr', wanted: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * The built `keyturn` executable as a real process (signals, stdin, process exit), for what the
 * in-process `cli` cannot show. `mergeStderr` runs it under `sh -c '... 2>&1'`, stderr into stdout.
 * `preload` is a module node imports first; `extraPipes` adds pipes after stderr (fd 3, ...).
 */
export function spawnCli(argv: readonly string[], options: { mergeStderr?: boolean; preload?: string; extraPipes?: number } = {}): SpawnedCli {
  const node = [...(options.preload ? ['--import', pathToFileURL(options.preload).href] : []), 'bin/keyturn.mjs', ...argv];
  const stdio: ('pipe' | 'inherit')[] = ['pipe', 'pipe', 'pipe', ...Array<'pipe'>(options.extraPipes ?? 0).fill('pipe')];
  const child = options.mergeStderr ? spawn('sh', ['-c', 'exec "$0" "$@" 2>&1', process.execPath, ...node], { stdio }) : spawn(process.execPath, node, { stdio });
  const text = { stdout: '', stderr: '' };
  const listeners = new Set<() => void>();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  for (const name of ['stdout', 'stderr'] as const) {
    child[name]?.on('data', (chunk: Buffer) => {
      text[name] += chunk.toString('utf8');
      for (const listener of listeners) listener();
    });
  }
  const waitFor = (name: 'stdout' | 'stderr', wanted: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!text[name].includes(wanted)) return;
        listeners.delete(check);
        resolve();
      };
      listeners.add(check);
      check();
      void exited.then(() => {
        if (listeners.delete(check)) reject(new Error(`keyturn ended before printing ${JSON.stringify(wanted)} on ${name}; it printed ${JSON.stringify(text)}`));
      });
    });
  return { child, stdout: () => text.stdout, stderr: () => text.stderr, waitFor, exited };
}

/** The built `keyturn` as a real process in the environment given, run to its end with `input` on stdin. */
export function runBuiltCli(argv: readonly string[], env: NodeJS.ProcessEnv, input = ''): Promise<Omit<CliResult, 'code'> & { code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/keyturn.mjs', ...argv], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
