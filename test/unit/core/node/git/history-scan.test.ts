import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../../../electron/core/crypto/fingerprint.js';
import { isProblem } from '../../../../../electron/core/domain/problems/problem-error.js';
import { scanHistory } from '../../../../../electron/core/node/git/history-scan.js';
import type { MatcherInput } from '../../../../../electron/core/scan/key-matcher.js';
import { sampleKeys } from '../../../../support/keys.js';
import { noVault, testRepos } from './git-repo.js';

const repo = testRepos();

const placed = (scan: Awaited<ReturnType<typeof scanHistory>>) => scan.findings.map((f) => ({ path: f.path, line: f.line, column: f.column, sha: f.commit?.sha, atHead: f.commit?.atHead, fingerprint: f.fingerprint }));

describe('scanHistory', () => {
  it('finds a key added then removed at the commit that added it, no longer at HEAD, with its author date', async () => {
    const r = repo();
    const key = sampleKeys.nora('production');
    r.write({ 'config.ts': `export const a = 1;\nconst key = "${key}";\n` });
    const added = r.commit('add');
    r.write({ 'config.ts': 'export const a = 1;\n' });
    r.commit('remove');
    const scan = await scanHistory(r.dir, { matcher: noVault });
    expect(placed(scan)).toEqual([{ path: 'config.ts', line: 2, column: 14, sha: added, atHead: false, fingerprint: fingerprintOf(key) }]);
    expect(scan.findings[0]?.commit?.authorDate).toBe('2024-01-02T10:00:00+02:00');
    expect(scan.findings[0]?.file).toBe(`${scan.root}/config.ts`);
    expect(scan).toMatchObject({ kind: 'history', counts: { commits: 2 } });
  });

  it('says atHead when the file at HEAD still holds the key, and does not find it again when lines move around it', async () => {
    const r = repo();
    const key = sampleKeys.xora();
    r.write({ 'a.py': `KEY = "${key}"\n` });
    r.commit('add');
    r.write({ 'a.py': `# moved down\n\nKEY = "${key}"\n` });
    r.commit('move');
    const scan = await scanHistory(r.dir, { matcher: noVault });
    expect(scan.findings.map((f) => [f.line, f.commit?.atHead])).toEqual([[1, true]]);
  });

  it('does not find a renamed file\'s key again at the rename', async () => {
    const r = repo();
    const key = sampleKeys.nexora();
    r.write({ 'old/settings.json': `{\n  "token": "${key}",\n  "a": 1,\n  "b": 2,\n  "c": 3\n}\n` });
    const added = r.commit('add');
    r.git('rm', '-q', 'old/settings.json');
    r.write({ 'new/settings.json': `{\n  "token": "${key}",\n  "a": 1,\n  "b": 2,\n  "c": 4\n}\n` });
    r.commit('rename and edit');
    expect(r.git('show', '--name-status', '-M', '--format=', 'HEAD')).toMatch(/^R\d+\told\/settings.json\tnew\/settings.json/);
    const scan = await scanHistory(r.dir, { matcher: noVault });
    expect(placed(scan)).toEqual([{ path: 'old/settings.json', line: 2, column: 13, sha: added, atHead: false, fingerprint: fingerprintOf(key) }]);
  });

  it('finds a key added only in a merge commit\'s resolution at the merge, and a branch\'s key at the branch\'s commit', async () => {
    const r = repo();
    r.write({ 'app.txt': 'base\n' });
    r.commit('base');
    r.git('checkout', '-q', '-b', 'side');
    const sideKey = sampleKeys.xora();
    r.write({ 'side.txt': `side ${sideKey}\n`, 'app.txt': 'base\nside line\n' });
    const sideCommit = r.commit('side');
    r.git('checkout', '-q', 'main');
    r.write({ 'app.txt': 'main line\nbase\n' });
    r.commit('main');
    r.git('merge', '-q', '--no-commit', 'side');
    const mergeKey = sampleKeys.nora('sandbox');
    r.write({ 'app.txt': `main line\nbase\nside line\nresolved ${mergeKey}\n` });
    const merge = r.commit('merge side');
    expect(r.git('rev-list', '--parents', '-n', '1', merge).trim().split(' ')).toHaveLength(3);
    const scan = await scanHistory(r.dir, { matcher: noVault });
    expect(placed(scan).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'app.txt', line: 4, column: 10, sha: merge, atHead: true, fingerprint: fingerprintOf(mergeKey) },
      { path: 'side.txt', line: 1, column: 6, sha: sideCommit, atHead: true, fingerprint: fingerprintOf(sideKey) },
    ]);
    expect(scan.counts.commits).toBe(4);
  });

  it('finds a key a merge adds in a file neither side changed, or in a new file of its own', async () => {
    const r = repo();
    r.write({ 'untouched.txt': 'one\n', 'a.txt': 'a\n' });
    r.commit('base');
    r.git('checkout', '-q', '-b', 'side');
    r.write({ 'a.txt': 'a\nside\n' });
    r.commit('side');
    r.git('checkout', '-q', 'main');
    r.write({ 'b.txt': 'b\n' });
    r.commit('main');
    r.git('merge', '-q', '--no-commit', 'side');
    const [k1, k2] = [sampleKeys.nexora(), sampleKeys.xerotier('acme')];
    r.write({ 'untouched.txt': `one\n${k1}\n`, 'evil.txt': `${k2}\n` });
    const merge = r.commit('merge');
    const scan = await scanHistory(r.dir, { matcher: noVault });
    expect(scan.findings.map((f) => [f.path, f.line, f.commit?.sha]).sort()).toEqual([
      ['evil.txt', 1, merge],
      ['untouched.txt', 2, merge],
    ]);
  });

  it('places a merge resolution\'s keys on their lines of the merged file, whatever both sides changed around them', async () => {
    const r = repo();
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    r.write({ 'f.txt': `${lines.join('\n')}\n` });
    r.commit('base');
    r.git('checkout', '-q', '-b', 'side');
    const side = [...lines];
    side[5] = 'side five';
    side[20] = 'side twenty';
    side.splice(25, 2);
    r.write({ 'f.txt': `${side.join('\n')}\n` });
    r.commit('side');
    r.git('checkout', '-q', 'main');
    const main = [...lines];
    main[5] = 'main five';
    main.splice(10, 0, 'main inserted a', 'main inserted b');
    main.splice(2, 1);
    r.write({ 'f.txt': `${main.join('\n')}\n` });
    r.commit('main');
    // A conflict: git leaves markers; the person writes the resolution.
    spawnSync('git', ['-C', r.dir, 'merge', '-q', 'side']);
    const [k1, k2] = [sampleKeys.xora(), sampleKeys.nexora()];
    const resolved = [...main];
    resolved[4] = `resolved ${k1}`;
    resolved.splice(15, 0, `x ${k2}`);
    resolved[21] = 'side twenty';
    r.write({ 'f.txt': `${resolved.join('\n')}\n` });
    const merge = r.commit('merge');
    const scan = await scanHistory(r.dir, { matcher: noVault });
    expect(scan.findings.map((f) => [f.line, f.column, f.commit?.sha, f.fingerprint])).toEqual([
      [5, 10, merge, fingerprintOf(k1)],
      [16, 3, merge, fingerprintOf(k2)],
    ]);
  });

  it('skips a binary file, and reads a file whose name has spaces, unicode or characters git quotes', async () => {
    const r = repo();
    const [inBinary, inSpaced, inQuoted] = [sampleKeys.nexora(), sampleKeys.nora('production'), sampleKeys.xora()];
    r.write({
      'blob.bin': new Uint8Array([0, 1, 2, 0, ...new TextEncoder().encode(`\n${inBinary}\n`), 0]),
      'docs/my notes é ✓.md': `intro\n  ${inSpaced}\n`,
      'we"ird\\name.txt': `${inQuoted}\n`,
    });
    r.commit('add');
    const scan = await scanHistory(r.dir, { matcher: noVault });
    expect(scan.findings.map((f) => [f.path, f.line, f.column, f.commit?.atHead]).sort()).toEqual([
      ['docs/my notes é ✓.md', 2, 3, true],
      ['we"ird\\name.txt', 1, 1, true],
    ]);
  });

  it('reads only the commits after --since', async () => {
    const r = repo();
    const [early, late] = [sampleKeys.nexora(), sampleKeys.nexora()];
    r.write({ 'a.txt': `${early}\n` });
    const first = r.commit('early');
    r.write({ 'b.txt': `${late}\n` });
    const second = r.commit('late');
    r.write({ 'c.txt': 'nothing\n' });
    r.commit('plain');
    const scan = await scanHistory(r.dir, { matcher: noVault, since: first });
    expect(scan.findings.map((f) => [f.fingerprint, f.commit?.sha])).toEqual([[fingerprintOf(late), second]]);
    expect(scan.counts.commits).toBe(2);
    const none = await scanHistory(r.dir, { matcher: noVault, since: 'HEAD' });
    expect(none).toMatchObject({ findings: [], counts: { commits: 0 } });
  });

  it('names the vault key a history finding is, and the variable of a .env line', async () => {
    const r = repo();
    const key = sampleKeys.nora('production');
    r.write({ 'deploy/.env.production': `# prod\nexport NORA_KEY="${key}"\n` });
    r.commit('add');
    const match = { keyId: 'k1', ref: 'nora/acme/live/backend', environment: 'production' as const, status: 'active' as const, maskedKey: 'sk_live_abcd…' };
    const matcher: MatcherInput = { customProviders: [], vaultKeys: [{ fingerprint: fingerprintOf(key), head: null, match }] };
    const scan = await scanHistory(r.dir, { matcher });
    expect(scan.findings).toHaveLength(1);
    expect(scan.findings[0]).toMatchObject({ path: 'deploy/.env.production', line: 2, variable: 'NORA_KEY', match, maskedKey: 'sk_live_abcd…' });
  });

  it('finds a key added at the root commit, and each time it is added again', async () => {
    const r = repo();
    const key = sampleKeys.xora();
    r.write({ 'k.txt': `${key}\n` });
    const root = r.commit('root');
    r.write({ 'k.txt': '' });
    r.commit('drop');
    r.write({ 'k.txt': `again ${key}\n` });
    const again = r.commit('again');
    const scan = await scanHistory(r.dir, { matcher: noVault });
    expect(scan.findings.map((f) => [f.commit?.sha, f.column, f.commit?.atHead])).toEqual([
      [again, 7, true],
      [root, 1, true],
    ]);
  });

  it('reads the same whatever the user\'s git configuration says of diffs, colours, pagers and paths', async () => {
    const r = repo();
    const key = sampleKeys.xerotier('acme');
    r.write({ 'naïve dir/a b.txt': `one\n${key}\n` });
    const added = r.commit('add');
    r.write({ 'naïve dir/a b.txt': 'one\n' });
    r.commit('remove');
    for (const [name, value] of [
      ['diff.noprefix', 'true'],
      ['diff.mnemonicPrefix', 'true'],
      ['color.ui', 'always'],
      ['core.pager', 'false'],
      ['core.quotePath', 'true'],
      ['diff.external', 'false'],
      ['diff.context', '5'],
      ['log.showRoot', 'false'],
      ['diff.relative', 'true'],
      ['diff.renames', 'copies'],
      ['log.showSignature', 'true'],
    ] as const)
      r.git('config', name, value);
    const scan = await scanHistory(r.dir, { matcher: noVault });
    expect(scan.findings.map((f) => [f.path, f.line, f.column, f.commit?.sha])).toEqual([['naïve dir/a b.txt', 2, 1, added]]);
  });

  it('forbids a key given as the revision from reaching its problem', async () => {
    const r = repo();
    r.commit('one');
    const key = sampleKeys.nora('production');
    const error: unknown = await scanHistory(r.dir, { matcher: noVault, since: key }).catch((e: unknown) => e);
    expect(isProblem(error, 'git.bad-revision')).toBe(true);
    expect(JSON.stringify((error as { problem: unknown }).problem)).not.toContain(key);
  });

  it('gives nothing for a repository without a commit', async () => {
    const r = repo();
    r.write({ 'staged.txt': `${sampleKeys.nexora()}\n` });
    r.git('add', '-A');
    expect(await scanHistory(r.dir, { matcher: noVault })).toMatchObject({ findings: [], counts: { commits: 0 } });
  });

  it('refuses a folder outside any repository, and a revision git does not know', async () => {
    const r = repo();
    r.commit('empty');
    const outside = repo();
    outside.git('init', '-q');
    const nowhere = `${outside.dir}/nowhere`;
    await expect(scanHistory(nowhere, { matcher: noVault })).rejects.toSatisfy((e) => isProblem(e, 'git.not-a-repository'));
    await expect(scanHistory(r.dir, { matcher: noVault, since: 'no-such-branch' })).rejects.toSatisfy((e) => isProblem(e, 'git.bad-revision'));
    await expect(scanHistory(r.dir, { matcher: noVault, since: '--all' })).rejects.toSatisfy((e) => isProblem(e, 'git.bad-revision'));
  });
});
