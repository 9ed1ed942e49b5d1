import { realpathSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isProblem } from '../../../../../electron/core/domain/problems/problem-error.js';
import { readFileAtCommit } from '../../../../../electron/core/node/git/read-at-commit.js';
import { repositoryRoot } from '../../../../../electron/core/node/git/repository.js';
import { scanHistory } from '../../../../../electron/core/node/git/history-scan.js';
import { testRepo, type TestRepo } from './git-repo.js';

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

describe('repositoryRoot', () => {
  it('gives the top folder from anywhere inside, and null outside any repository (never an error)', async () => {
    const r = testRepo();
    repos.push(r);
    mkdirSync(join(r.dir, 'a', 'b'), { recursive: true });
    expect(await repositoryRoot(join(r.dir, 'a', 'b'))).toBe(realpathSync(r.dir));
    expect(await repositoryRoot(join(r.dir, 'missing'))).toBeNull();
    expect(await repositoryRoot(join(r.dir, '.git'))).toBeNull();
    expect(await repositoryRoot('/')).toBeNull();
  });
});

describe('without git installed', () => {
  it('finds no repository, and a scan says git is unavailable (not that the folder is no repository)', async () => {
    const r = testRepo();
    repos.push(r);
    const path = process.env.PATH;
    process.env.PATH = join(r.dir, 'no-bin-here');
    try {
      expect(await repositoryRoot(r.dir)).toBeNull();
      await expect(scanHistory(r.dir, { matcher: { customProviders: [], vaultKeys: [] } })).rejects.toSatisfy((e) => isProblem(e, 'git.unavailable'));
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('readFileAtCommit', () => {
  it('gives a file\'s text at a commit, null when that commit has no such file, and refuses an unknown commit', async () => {
    const r = testRepo();
    repos.push(r);
    r.write({ 'dir/my file é.txt': 'first\n' });
    const first = r.commit('one');
    r.write({ 'dir/my file é.txt': 'second\n' });
    r.commit('two');
    expect(await readFileAtCommit(r.dir, first, 'dir/my file é.txt')).toBe('first\n');
    expect(await readFileAtCommit(r.dir, 'HEAD', 'dir/my file é.txt')).toBe('second\n');
    expect(await readFileAtCommit(r.dir, first, 'nope.txt')).toBeNull();
    await expect(readFileAtCommit(r.dir, 'f'.repeat(40), 'dir/my file é.txt')).rejects.toSatisfy((e) => isProblem(e, 'git.bad-revision'));
  });
});
