import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { installHooks } from '../../../../../electron/core/node/hooks/install-hooks.js';
import { sampleKeys } from '../../../../support/keys.js';
import { testRepo, type TestRepo } from './git-repo.js';

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.remove();
});

// The hook starts node on scanStaged directly (staged-hook-runner.ts), so what git hands a real
// pre-commit hook (its folder, its temporary index) is what scanStaged reads.
const launcher = [process.execPath, `--import=${pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href}`, resolve('test/unit/core/node/git/staged-hook-runner.ts')];

function gitCommit(r: TestRepo, args: string[]) {
  const run = spawnSync('git', ['-C', r.dir, 'commit', '-q', '-m', 'change', ...args], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

describe('scanStaged from a real pre-commit hook', () => {
  it('reads what "git commit -a" and "git commit FILE" record (git\'s temporary index), not only what was added before', async () => {
    const r = testRepo();
    repos.push(r);
    r.write({ 'a.txt': 'a\n', 'b.txt': 'b\n' });
    r.commit('base');
    await installHooks(r.dir, { launcher });
    const key = sampleKeys.nexora();
    // Changed in the work tree only: nothing staged, yet `commit -a` records it.
    r.write({ 'a.txt': `a\n${key}\n` });
    const all = gitCommit(r, ['-a']);
    expect(all.status).not.toBe(0);
    expect(all.stderr).toContain('at a.txt:2');
    const only = gitCommit(r, ['a.txt']);
    expect(only.status).not.toBe(0);
    expect(only.stderr).toContain('at a.txt:2');
    // The file without the key goes through by itself.
    r.write({ 'b.txt': 'b\nmore\n' });
    expect(gitCommit(r, ['b.txt']).status).toBe(0);
    expect(r.git('show', '--name-only', '--format=', 'HEAD').trim()).toBe('b.txt');
  });

  it('runs from the work tree\'s top when the commit is made from a subfolder', async () => {
    const r = testRepo();
    repos.push(r);
    r.write({ 'deep/down/x.txt': 'x\n' });
    r.commit('base');
    await installHooks(join(r.dir, 'deep'), { launcher });
    r.write({ 'deep/down/x.txt': `x\n${sampleKeys.xora()}\n` });
    r.git('add', '-A');
    const run = spawnSync('git', ['commit', '-q', '-m', 'k'], { cwd: join(r.dir, 'deep', 'down'), encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('at deep/down/x.txt:2');
  });
});
