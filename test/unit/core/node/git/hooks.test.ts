import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProblem } from '../../../../../electron/core/domain/problems/problem-error.js';
import { HOOK_MARKER } from '../../../../../electron/core/node/hooks/hook-script.js';
import { installHooks, uninstallHooks } from '../../../../../electron/core/node/hooks/install-hooks.js';
import { testRepos, type TestRepo } from './git-repo.js';

const repo = testRepos();

/**
 * A stand-in for keyturn in a folder with a quote and a space in its name: it records its arguments
 * and its standard input, and exits with the code in a file beside it.
 */
function fakeKeyturn(r: TestRepo, name = 'fake keyturn\'s.sh'): { launcher: string[]; calls: () => string; exitWith: (code: number) => void; dir: string } {
  const dir = join(r.dir, '..', `${r.dir.split('/').pop() ?? 'x'}-tools it's`);
  mkdirSync(dir, { recursive: true });
  const script = join(dir, name);
  writeFileSync(script, `#!/bin/sh\nprintf 'args:%s\\n' "$*" >> "${dir}/calls"\ncat >> "${dir}/calls"\nexit $(cat "${dir}/exit")\n`);
  chmodSync(script, 0o755);
  writeFileSync(join(dir, 'exit'), '0');
  return { launcher: ['/bin/sh', script], calls: () => (existsSync(join(dir, 'calls')) ? readFileSync(join(dir, 'calls'), 'utf8') : ''), exitWith: (code) => writeFileSync(join(dir, 'exit'), String(code)), dir };
}

/** `git commit` as a person runs it (hooks on), with its exit code. */
function commit(r: TestRepo, env: NodeJS.ProcessEnv = {}): { status: number | null; stderr: string } {
  r.git('add', '-A');
  const run = spawnSync('git', ['-C', r.dir, 'commit', '-q', '-m', 'change'], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: run.status, stderr: run.stderr };
}

describe('installHooks', () => {
  it('writes an executable pre-commit hook with its marker, and the hook passes the scan\'s exit code through: 1 stops the commit', async () => {
    const r = repo();
    const fake = fakeKeyturn(r);
    const installed = await installHooks(r.dir, { launcher: fake.launcher });
    const path = join(realpathSync(r.dir), '.git', 'hooks', 'pre-commit');
    expect(installed.hooks).toEqual([{ hook: 'pre-commit', path, replacedKeptAs: null, reinstalled: false }]);
    expect(statSync(path).mode & 0o777).toBe(0o755);
    expect(readFileSync(path, 'utf8').split('\n').slice(0, 2)).toEqual(['#!/bin/sh', HOOK_MARKER]);

    fake.exitWith(1);
    r.write({ 'a.txt': 'a\n' });
    expect(commit(r).status).not.toBe(0);
    expect(r.git('rev-list', '--all').trim()).toBe('');
    expect(fake.calls()).toBe('args:scan --staged\n');

    fake.exitWith(0);
    expect(commit(r).status).toBe(0);
    expect(r.git('rev-list', '--all').trim()).not.toBe('');
  });

  it('writes a pre-push hook that is given git\'s push lines on its standard input, and stops the push on 1', async () => {
    const remote = repo({ bare: true });
    const r = repo();
    const fake = fakeKeyturn(r);
    await installHooks(r.dir, { launcher: fake.launcher, prePush: true });
    r.write({ 'a.txt': 'a\n' });
    expect(commit(r).status).toBe(0);
    const sha = r.git('rev-parse', 'HEAD').trim();
    r.git('remote', 'add', 'origin', remote.dir);
    fake.exitWith(1);
    const push = spawnSync('git', ['-C', r.dir, 'push', '-q', 'origin', 'main'], { encoding: 'utf8' });
    expect(push.status).not.toBe(0);
    expect(fake.calls()).toContain(`args:scan --pushed\nrefs/heads/main ${sha} refs/heads/main ${'0'.repeat(40)}\n`);
    expect(spawnSync('git', ['-C', remote.dir, 'rev-parse', '--verify', '--quiet', 'main']).status).not.toBe(0);
  });

  it('honours a relative core.hooksPath (as husky sets it), from the work tree\'s top whatever folder it is given', async () => {
    const r = repo();
    const fake = fakeKeyturn(r);
    mkdirSync(join(r.dir, '.husky', '_'), { recursive: true });
    mkdirSync(join(r.dir, 'packages', 'web'), { recursive: true });
    r.git('config', 'core.hooksPath', '.husky/_');
    const installed = await installHooks(join(r.dir, 'packages', 'web'), { launcher: fake.launcher });
    expect(installed.folder).toBe(join(realpathSync(r.dir), '.husky', '_'));
    expect(existsSync(join(r.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    fake.exitWith(1);
    r.write({ 'packages/web/a.txt': 'a\n' });
    expect(commit(r).status).not.toBe(0);
    expect(fake.calls()).toBe('args:scan --staged\n');
  });

  it('forbids replacing a hook Keyturn did not write without force, changing nothing; with force keeps it beside, and uninstall puts it back', async () => {
    const r = repo();
    const fake = fakeKeyturn(r);
    const hooks = join(realpathSync(r.dir), '.git', 'hooks');
    const foreign = '#!/bin/sh\necho lint\n';
    writeFileSync(join(hooks, 'pre-push'), foreign, { mode: 0o755 });
    await expect(installHooks(r.dir, { launcher: fake.launcher, prePush: true })).rejects.toSatisfy((e) => isProblem(e, 'git.hook-foreign') && e.problem.path === join(hooks, 'pre-push'));
    // Checked before anything is written: not even the pre-commit hook.
    expect(existsSync(join(hooks, 'pre-commit'))).toBe(false);

    const forced = await installHooks(r.dir, { launcher: fake.launcher, prePush: true, force: true });
    expect(forced.hooks.map((h) => [h.hook, h.replacedKeptAs])).toEqual([
      ['pre-commit', null],
      ['pre-push', join(hooks, 'pre-push.keyturn-replaced')],
    ]);
    expect(readFileSync(join(hooks, 'pre-push.keyturn-replaced'), 'utf8')).toBe(foreign);
    // Installing again over Keyturn's own hooks needs no force.
    const again = await installHooks(r.dir, { launcher: fake.launcher, prePush: true });
    expect(again.hooks.map((h) => h.reinstalled)).toEqual([true, true]);

    const removed = await uninstallHooks(r.dir);
    expect(removed.removed.map((h) => [h.hook, h.restoredFrom])).toEqual([
      ['pre-commit', null],
      ['pre-push', join(hooks, 'pre-push.keyturn-replaced')],
    ]);
    expect(existsSync(join(hooks, 'pre-commit'))).toBe(false);
    expect(readFileSync(join(hooks, 'pre-push'), 'utf8')).toBe(foreign);
    expect(existsSync(join(hooks, 'pre-push.keyturn-replaced'))).toBe(false);
  });

  it('forbids overwriting a hook kept from an earlier replacement, changing nothing', async () => {
    const r = repo();
    const hooks = join(realpathSync(r.dir), '.git', 'hooks');
    writeFileSync(join(hooks, 'pre-commit'), '#!/bin/sh\necho new\n', { mode: 0o755 });
    writeFileSync(join(hooks, 'pre-commit.keyturn-replaced'), '#!/bin/sh\necho old\n', { mode: 0o755 });
    await expect(installHooks(r.dir, { launcher: ['keyturn'], force: true })).rejects.toSatisfy((e) => isProblem(e, 'git.hook-backup-exists'));
    expect(readFileSync(join(hooks, 'pre-commit'), 'utf8')).toBe('#!/bin/sh\necho new\n');
    expect(readFileSync(join(hooks, 'pre-commit.keyturn-replaced'), 'utf8')).toBe('#!/bin/sh\necho old\n');
  });

  it('forbids uninstalling a hook Keyturn did not write, and removes nothing when there is none', async () => {
    const r = repo();
    const hooks = join(realpathSync(r.dir), '.git', 'hooks');
    expect(await uninstallHooks(r.dir)).toEqual({ folder: hooks, removed: [] });
    writeFileSync(join(hooks, 'pre-commit'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    await expect(uninstallHooks(r.dir)).rejects.toSatisfy((e) => isProblem(e, 'git.hook-not-ours'));
    expect(readFileSync(join(hooks, 'pre-commit'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
  });

  it('runs the keyturn on PATH when the one that installed it is gone, and stops the commit when there is none', async () => {
    const r = repo();
    const fake = fakeKeyturn(r, 'keyturn');
    await installHooks(r.dir, { launcher: ['/nonexistent/node', '/nonexistent/bin/keyturn.mjs'] });
    fake.exitWith(1);
    r.write({ 'a.txt': 'a\n' });
    expect(commit(r, { PATH: `${fake.dir}:${process.env.PATH ?? ''}` }).status).not.toBe(0);
    expect(fake.calls()).toBe('args:scan --staged\n');
    const gone = commit(r, { PATH: '/usr/bin:/bin' });
    expect(gone.status).not.toBe(0);
    expect(gone.stderr).toContain('keyturn is no longer at /nonexistent/node /nonexistent/bin/keyturn.mjs and not on PATH');
  });

  it('refuses a folder outside any repository', async () => {
    const r = repo();
    await expect(installHooks(join(r.dir, 'missing'), { launcher: ['keyturn'] })).rejects.toSatisfy((e) => isProblem(e, 'git.not-a-repository'));
  });
});
