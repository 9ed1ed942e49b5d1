// A real git repository in a temporary folder, driven by git itself, with fixed names and dates.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import type { MatcherInput } from '../../../../../electron/core/scan/key-matcher.js';

export const noVault: MatcherInput = { customProviders: [], vaultKeys: [] };

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes files (path → text or bytes) relative to the repository. */
  write(files: Record<string, string | Uint8Array>): void;
  /** Stages everything and commits with a fixed date (the n-th commit of the repository gets day n); returns the full sha. */
  commit(message: string): string;
  remove(): void;
}

export function testRepo(options: { bare?: boolean } = {}): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), 'keyturn-git-'));
  let day = 0;
  const env = (): NodeJS.ProcessEnv => {
    const date = `2024-01-${String((day % 28) + 1).padStart(2, '0')}T10:00:00+02:00`;
    return { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', HOME: dir, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };
  };
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { env: env(), encoding: 'utf8' });
  git('init', '-q', ...(options.bare ? ['--bare'] : []), '-b', 'main');
  git('config', 'user.name', 'Test');
  git('config', 'user.email', 'test@example.com');
  git('config', 'commit.gpgsign', 'false');
  return {
    dir,
    git,
    write(files) {
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
    },
    commit(message) {
      day++;
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A maker of repositories for one test file: each is removed after the test that made it. */
export function testRepos(): (options?: { bare?: boolean }) => TestRepo {
  const made: TestRepo[] = [];
  afterEach(() => {
    for (const r of made.splice(0)) r.remove();
  });
  return (options) => {
    const r = testRepo(options);
    made.push(r);
    return r;
  };
}
