import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { fail } from '../../domain/problems/problem-error.js';
import { typedBack } from '../../domain/problems/typed-back.js';

/**
 * How every git command of Keyturn runs: no shell, paths as they are (`core.quotePath=false`), no
 * pager, git's own C locale (its messages and formats never translated), and no lock taken on the
 * index for a read (`GIT_OPTIONAL_LOCKS=0`: a scan beside a running `git commit` does not race it).
 * The rest of the environment passes through: a hook's GIT_INDEX_FILE (`git commit -a`, `git commit
 * FILE` stage into a temporary index) is what `git diff --cached` must read.
 */
function gitCommand(repo: string, args: readonly string[]): { args: string[]; env: NodeJS.ProcessEnv } {
  return {
    args: ['-C', repo, '-c', 'core.quotePath=false', '--no-pager', ...args],
    env: { ...process.env, LC_ALL: 'C', LANGUAGE: 'C', GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat' },
  };
}

/** The options every command that prints a diff takes, whatever the user's configuration says. */
export const PLAIN_DIFF = ['--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', '--submodule=short'] as const;

export interface GitRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git to its end and gives back what it printed; git not installed is the problem git.unavailable. */
export async function runGit(repo: string, args: readonly string[], options: { input?: string } = {}): Promise<GitRun> {
  const command = gitCommand(repo, args);
  return new Promise<GitRun>((resolve, reject) => {
    const child = spawn('git', command.args, { env: command.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(spawnProblem(error)));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Runs git and hands its output to `onLine` line by line as it comes (a history of thousands of
 * commits is never held whole); resolves once git has ended, failing with git.failed when it did
 * not end well.
 */
export async function streamGitLines(repo: string, args: readonly string[], onLine: (line: string) => void): Promise<void> {
  const command = gitCommand(repo, args);
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', command.args, { env: command.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const decoder = new StringDecoder('utf8');
    let rest = '';
    let thrown: unknown = null;
    const err: Buffer[] = [];
    const take = (text: string) => {
      rest += text;
      let from = 0;
      for (let nl = rest.indexOf('\n', from); nl !== -1; nl = rest.indexOf('\n', from)) {
        onLine(rest.slice(from, nl));
        from = nl + 1;
      }
      rest = rest.slice(from);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      if (thrown !== null) return;
      try {
        take(decoder.write(chunk));
      } catch (error) {
        thrown = error;
        child.kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(spawnProblem(error)));
    child.on('close', (code) => {
      if (thrown !== null) return reject(thrown as Error);
      try {
        take(decoder.end());
        if (rest.length > 0) onLine(rest);
      } catch (error) {
        return reject(error as Error);
      }
      if (code !== 0) return reject(failedProblem(args, Buffer.concat(err).toString('utf8')));
      resolve();
    });
  });
}

/** Runs git and gives back its output as text, failing with git.failed when it exits otherwise than 0. */
export async function gitText(repo: string, args: readonly string[], options: { input?: string } = {}): Promise<string> {
  const run = await runGit(repo, args, options);
  if (run.code !== 0) throw failedProblem(args, run.stderr);
  return run.stdout.toString('utf8');
}

/**
 * git.failed: the subcommand and git's first line, with control characters escaped (it is text
 * from outside) and any run that looks like a key cut short (git may quote what it was given).
 */
export function failedProblem(args: readonly string[], stderr: string): Error {
  const command = args.find((a) => !a.startsWith('-')) ?? 'git';
  const first = stderr.split('\n').find((l) => l.trim().length > 0) ?? 'it exited with an error and said nothing';
  try {
    return fail('git.failed', { command, reason: typedBack(escapeControl(first.trim()).slice(0, 300)) });
  } catch (error) {
    return error as Error;
  }
}

function spawnProblem(error: NodeJS.ErrnoException): Error {
  try {
    return error.code === 'ENOENT' ? fail('git.unavailable', {}) : fail('git.failed', { command: 'git', reason: error.code ?? 'error' });
  } catch (problemError) {
    return problemError as Error;
  }
}

function escapeControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
