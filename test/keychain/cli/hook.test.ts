// `keyturn hook` end to end: the real CLI installs the hook, and real `git commit` / `git push` run
// it, which runs the built keyturn (`node scripts/build-cli.mjs` first) with its `scan --staged`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskKey } from '../../../electron/core/providers/key-shape.js';
import { resolveProfile } from '../../../electron/core/providers/registry.js';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';
import { testRepos, type TestRepo } from '../../unit/core/node/git/git-repo.js';

const repo = testRepos();

/** What git printed and how it ended, the hook's output included. */
function gitRun(r: TestRepo, home: string, args: string[]): { status: number | null; output: string } {
  const run = spawnSync('git', ['-C', r.dir, ...args], { encoding: 'utf8', env: { ...process.env, KEYTURN_HOME: home } });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function commitAll(r: TestRepo, home: string, message = 'change') {
  r.git('add', '-A');
  return gitRun(r, home, ['commit', '-q', '-m', message]);
}

const commits = (r: TestRepo) => Number(spawnSync('git', ['-C', r.dir, 'rev-list', '--count', '--all'], { encoding: 'utf8' }).stdout.trim() || '0');

/** A vault with one Nora production key, and the repository the tests commit in. */
async function setUp() {
  const home = tempHome();
  const run = cliFor(home);
  const secret = sampleKeys.nora('production');
  expect((await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production'])).code).toBe(0);
  expect((await run(['key', 'add', 'nora/acme/live', 'backend', '--no-verify'], secret)).code).toBe(0);
  const r = repo();
  r.write({ 'README.md': 'a project\n' });
  r.commit('start');
  return { home, run, secret, r };
}

describe('keyturn hook install', () => {
  it('writes a pre-commit hook that starts this keyturn by full path', async () => {
    const { home, run, r } = await setUp();
    const installed = await run(['hook', 'install', r.dir]);
    expect(installed.code, installed.stderr).toBe(0);
    const path = join(realpathSync(r.dir), '.git', 'hooks', 'pre-commit');
    expect(installed.stdout).toContain(`installed the pre-commit hook: ${path}`);
    const script = readFileSync(path, 'utf8');
    expect(script).toContain(`exec ${process.execPath} ${resolve('bin/keyturn.mjs')} --home ${home} scan --staged`);
    expect(statSync(path).mode & 0o111).toBe(0o111);
  });

  it('a hook installed with --home checks the commit against that vault, whatever KEYTURN_HOME the commit runs with', async () => {
    const { run, secret, r } = await setUp();
    expect((await run(['hook', 'install', r.dir])).code).toBe(0);
    r.write({ 'src/config.ts': `export const key = "${secret}";\n` });
    r.git('add', '-A');
    const other = tempHome();
    const refused = gitRun(r, other, ['commit', '-q', '-m', 'config']);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('nora/acme/live/backend');
    expect(refused.output).not.toContain(secret);
  });

  // Needs `keyturn scan --staged` (the scan command's rewrite): exit 1 and the key named.
  it('refuses a commit that adds a vault key, naming the key and not showing it', async () => {
    const { home, run, secret, r } = await setUp();
    await run(['hook', 'install', r.dir]);
    r.write({ 'src/config.js': `module.exports = { nora: "${secret}" };\n` });
    const before = commits(r);
    const refused = commitAll(r, home);
    expect(refused.status, refused.output).not.toBe(0);
    expect(refused.output).toContain('nora/acme/live/backend');
    expect(refused.output).not.toContain(secret);
    expect(commits(r)).toBe(before);
  });

  // Needs `keyturn scan --staged`.
  it('refuses a commit that adds a key not in the vault, naming it by provider and masked key', async () => {
    const { home, run, r } = await setUp();
    await run(['hook', 'install', r.dir]);
    const unknown = sampleKeys.xora();
    r.write({ 'notebook.ipynb': JSON.stringify({ cells: [{ source: [`XORA_KEY = "${unknown}"`] }] }) });
    const refused = commitAll(r, home);
    expect(refused.status, refused.output).not.toBe(0);
    expect(refused.output).toContain(maskKey(resolveProfile('xora', []), unknown));
    expect(refused.output).not.toContain(unknown);
  });

  // Needs `keyturn scan --staged`: a commit without a key goes through.
  it('lets a commit without a key through', async () => {
    const { home, run, r } = await setUp();
    await run(['hook', 'install', r.dir]);
    const before = commits(r);
    r.write({ 'src/app.js': 'console.log("hello");\n' });
    const passed = commitAll(r, home);
    expect(passed.status, passed.output).toBe(0);
    expect(commits(r)).toBe(before + 1);
  });

  // Needs `keyturn scan --staged --write-baseline` and the hook's reading of .keyturnignore.
  it('lets the same commit through once its finding is baselined in .keyturnignore', async () => {
    const { home, run, secret, r } = await setUp();
    await run(['hook', 'install', r.dir]);
    r.write({ 'test/fixture.env': `NORA_KEY=${secret}\n` });
    r.git('add', '-A');
    expect(gitRun(r, home, ['commit', '-q', '-m', 'fixture']).status).not.toBe(0);
    const baseline = await run(['scan', '--staged', r.dir, '--write-baseline', join(r.dir, '.keyturnignore')]);
    expect(baseline.stdout + baseline.stderr).not.toContain(secret);
    expect(readFileSync(join(r.dir, '.keyturnignore'), 'utf8')).not.toContain(secret);
    const passed = commitAll(r, home, 'fixture, baselined');
    expect(passed.status, passed.output).toBe(0);
  });

  it('honours core.hooksPath (a husky-like setup): the hook goes where git runs hooks from', async () => {
    const { home, run, secret, r } = await setUp();
    mkdirSync(join(r.dir, '.husky', '_'), { recursive: true });
    r.git('config', 'core.hooksPath', '.husky/_');
    const installed = await run(['hook', 'install', r.dir]);
    expect(installed.code, installed.stderr).toBe(0);
    expect(existsSync(join(r.dir, '.husky', '_', 'pre-commit'))).toBe(true);
    expect(existsSync(join(r.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    // Needs `keyturn scan --staged` from here: git runs that hook, which refuses the key.
    r.write({ 'k.txt': `${secret}\n` });
    const refused = commitAll(r, home);
    expect(refused.status, refused.output).not.toBe(0);
    expect(refused.output).toContain('nora/acme/live/backend');
  });

  it('forbids replacing a hook it did not write without --force; with --force keeps it beside and says so', async () => {
    const { run, r } = await setUp();
    const hook = join(realpathSync(r.dir), '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\nnpm run lint\n', { mode: 0o755 });
    const refused = await run(['hook', 'install', r.dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${hook} is a hook Keyturn did not write`);
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\nnpm run lint\n');

    const forced = await run(['hook', 'install', r.dir, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain(`kept the pre-commit hook that was there as ${hook}.keyturn-replaced`);
    expect(readFileSync(`${hook}.keyturn-replaced`, 'utf8')).toBe('#!/bin/sh\nnpm run lint\n');
  });

  // Needs `keyturn scan --pushed`: a key added then removed before the push still stops it.
  it('--pre-push refuses a push whose commits added a key, even one removed since', async () => {
    const { home, run, secret, r } = await setUp();
    const remote = repo({ bare: true });
    r.git('remote', 'add', 'origin', remote.dir);
    r.git('push', '-q', 'origin', 'main');
    const installed = await run(['hook', 'install', r.dir, '--pre-push']);
    expect(installed.code, installed.stderr).toBe(0);
    r.write({ 'a.txt': `${secret}\n` });
    r.git('add', '-A');
    r.git('commit', '-q', '--no-verify', '-m', 'key');
    r.write({ 'a.txt': 'removed\n' });
    r.git('add', '-A');
    r.git('commit', '-q', '--no-verify', '-m', 'remove');
    const pushed = gitRun(r, home, ['push', '-q', 'origin', 'main']);
    expect(pushed.status, pushed.output).not.toBe(0);
    expect(pushed.output).toContain('nora/acme/live/backend');
    expect(pushed.output).not.toContain(secret);
  });
});

describe('keyturn hook uninstall', () => {
  it('removes its hooks and puts back the one it replaced', async () => {
    const { run, r } = await setUp();
    const hooks = join(realpathSync(r.dir), '.git', 'hooks');
    writeFileSync(join(hooks, 'pre-push'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    expect((await run(['hook', 'install', r.dir, '--pre-push', '--force'])).code).toBe(0);
    const removed = await run(['hook', 'uninstall', r.dir]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`removed the pre-commit hook: ${join(hooks, 'pre-commit')}`);
    expect(removed.stdout).toContain(`put back the hook it had replaced, from ${join(hooks, 'pre-push.keyturn-replaced')}`);
    expect(existsSync(join(hooks, 'pre-commit'))).toBe(false);
    expect(readFileSync(join(hooks, 'pre-push'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
  });

  it('forbids removing a hook it did not write', async () => {
    const { run, r } = await setUp();
    const hook = join(realpathSync(r.dir), '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const refused = await run(['hook', 'uninstall', r.dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${hook} is a hook Keyturn did not write`);
    expect(existsSync(hook)).toBe(true);
  });

  it('refuses a folder that is no repository', async () => {
    const home = tempHome();
    const refused = await cliFor(home)(['hook', 'install', join(home, 'nowhere')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not inside a git repository');
  });
});
