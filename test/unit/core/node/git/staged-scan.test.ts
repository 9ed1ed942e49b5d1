import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../../../electron/core/crypto/fingerprint.js';
import { isProblem } from '../../../../../electron/core/domain/problems/problem-error.js';
import { pushLinesFromEnvironment, scanPushed, scanStaged } from '../../../../../electron/core/node/git/staged-scan.js';
import { sampleKeys } from '../../../../support/keys.js';
import { noVault, testRepos } from './git-repo.js';

const repo = testRepos();
const ZEROS = '0'.repeat(40);

describe('scanStaged', () => {
  it('finds a key staged before the first commit', async () => {
    const r = repo();
    const key = sampleKeys.nora('sandbox');
    r.write({ 'src/main.go': `package main\n\nconst k = "${key}"\n` });
    r.git('add', '-A');
    const scan = await scanStaged(r.dir, { matcher: noVault });
    expect(scan).toMatchObject({ kind: 'staged', counts: { files: 1, commits: 0 } });
    expect(scan.findings.map((f) => ({ path: f.path, line: f.line, column: f.column, commit: f.commit, fingerprint: f.fingerprint }))).toEqual([{ path: 'src/main.go', line: 3, column: 12, commit: null, fingerprint: fingerprintOf(key) }]);
  });

  it('reads what the index holds, with its line numbers in the staged file, not the work tree', async () => {
    const r = repo();
    r.write({ 'a.txt': 'one\ntwo\nthree\n' });
    r.commit('base');
    const [staged, unstaged] = [sampleKeys.xora(), sampleKeys.nexora()];
    r.write({ 'a.txt': `one\ntwo\n${staged}\nthree\n` });
    r.git('add', 'a.txt');
    r.write({ 'a.txt': `one\ntwo\n${staged}\nthree\n${unstaged}\n`, 'untracked.txt': `${unstaged}\n` });
    const scan = await scanStaged(r.dir, { matcher: noVault });
    expect(scan.findings.map((f) => [f.path, f.line, f.fingerprint])).toEqual([['a.txt', 3, fingerprintOf(staged)]]);
  });

  it('finds nothing in a change that only deletes (a key removed is no leak now)', async () => {
    const r = repo();
    const key = sampleKeys.nexora();
    r.write({ 'a.txt': `keep\n${key}\n`, 'b.txt': `${key}\n` });
    r.commit('base');
    r.write({ 'a.txt': 'keep\n' });
    r.git('rm', '-q', 'b.txt');
    r.git('add', '-A');
    expect(await scanStaged(r.dir, { matcher: noVault })).toMatchObject({ findings: [], counts: { files: 0 } });
  });

  it('refuses a folder outside any repository', async () => {
    const r = repo();
    await expect(scanStaged(`${r.dir}/missing`, { matcher: noVault })).rejects.toSatisfy((e) => isProblem(e, 'git.not-a-repository'));
  });
});

describe('scanPushed', () => {
  /** A clone with a bare remote that has `main` (one commit), the remote-tracking ref fetched. */
  function withRemote() {
    const remote = repo({ bare: true });
    const r = repo();
    r.write({ 'base.txt': 'base\n' });
    const base = r.commit('base');
    r.git('remote', 'add', 'origin', remote.dir);
    r.git('push', '-q', 'origin', 'main');
    return { r, base };
  }

  it('scans remote..local for a branch the remote has', async () => {
    const { r, base } = withRemote();
    const key = sampleKeys.xora();
    r.write({ 'a.txt': `${key}\n` });
    const added = r.commit('add');
    r.write({ 'a.txt': 'gone\n' });
    const tip = r.commit('remove');
    const scan = await scanPushed(r.dir, `refs/heads/main ${tip} refs/heads/main ${base}\n`, { matcher: noVault });
    expect(scan).toMatchObject({ kind: 'pushed', counts: { commits: 2 } });
    expect(scan.findings.map((f) => [f.path, f.commit?.sha, f.commit?.atHead])).toEqual([['a.txt', added, false]]);
  });

  it('scans what no remote-tracking ref has for a new branch, and skips a deleted ref', async () => {
    const { r, base } = withRemote();
    r.write({ 'base.txt': `base\n${sampleKeys.nexora()}\n` });
    r.commit('on main, not pushed');
    r.git('checkout', '-q', '-b', 'feature', base);
    const key = sampleKeys.nora('production');
    r.write({ 'f.txt': `${key}\n` });
    const feature = r.commit('feature');
    const lines = [`refs/heads/feature ${feature} refs/heads/feature ${ZEROS}`, `(delete) ${ZEROS} refs/heads/old ${base}`].join('\n');
    const scan = await scanPushed(r.dir, lines, { matcher: noVault });
    expect(scan.findings.map((f) => [f.path, f.commit?.sha, f.commit?.atHead])).toEqual([['f.txt', feature, true]]);
    expect(scan.counts.commits).toBe(1);
  });

  it('reads a commit pushed to two refs once', async () => {
    const { r, base } = withRemote();
    r.write({ 'a.txt': `${sampleKeys.xora()}\n` });
    const tip = r.commit('add');
    const lines = `refs/heads/main ${tip} refs/heads/main ${base}\nrefs/heads/main ${tip} refs/heads/copy ${ZEROS}\n`;
    const scan = await scanPushed(r.dir, lines, { matcher: noVault });
    expect(scan.findings).toHaveLength(1);
  });

  it('refuses a line that is not what git gives a pre-push hook', async () => {
    const { r } = withRemote();
    await expect(scanPushed(r.dir, 'refs/heads/main HEAD refs/heads/main\n', { matcher: noVault })).rejects.toSatisfy((e) => isProblem(e, 'git.malformed-push-line'));
  });

  it('gives nothing for a push of nothing (no input)', async () => {
    const { r } = withRemote();
    expect(await scanPushed(r.dir, '', { matcher: noVault })).toMatchObject({ findings: [], counts: { commits: 0 } });
  });
});

describe('pushLinesFromEnvironment', () => {
  it('builds the push line the pre-commit framework gave as PRE_COMMIT_FROM_REF / PRE_COMMIT_TO_REF', () => {
    const [from, to] = ['a'.repeat(40), 'b'.repeat(40)];
    expect(pushLinesFromEnvironment({ PRE_COMMIT_FROM_REF: from, PRE_COMMIT_TO_REF: to, PRE_COMMIT_LOCAL_BRANCH: 'refs/heads/x', PRE_COMMIT_REMOTE_BRANCH: 'refs/heads/y' })).toBe(`refs/heads/x ${to} refs/heads/y ${from}\n`);
    expect(pushLinesFromEnvironment({ PRE_COMMIT_TO_REF: to })).toBe(`HEAD ${to} HEAD ${ZEROS}\n`);
    expect(pushLinesFromEnvironment({})).toBeNull();
  });

  it('gives a range scanPushed reads as git\'s own line', async () => {
    const remote = repo({ bare: true });
    const r = repo();
    r.write({ 'a.txt': 'a\n' });
    const base = r.commit('base');
    r.git('remote', 'add', 'origin', remote.dir);
    r.git('push', '-q', 'origin', 'main');
    r.write({ 'a.txt': `a\n${sampleKeys.nexora()}\n` });
    const tip = r.commit('key');
    const lines = pushLinesFromEnvironment({ PRE_COMMIT_FROM_REF: base, PRE_COMMIT_TO_REF: tip });
    const scan = await scanPushed(r.dir, lines ?? '', { matcher: noVault });
    expect(scan.findings.map((f) => [f.line, f.commit?.sha])).toEqual([[2, tip]]);
  });
});
