import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { keychainServiceFor } from '../../../electron/core/node/store/home.js';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { keychainEntries } from '../../support/private-keychain.js';
import { filesUnder, tempHome, vaultIdOf } from '../../support/temp-home.js';

describe('keyturn key add / list / show / get / remove', () => {
  let home: string;
  let run: ReturnType<typeof cliFor>;

  beforeEach(async () => {
    home = tempHome();
    run = cliFor(home);
    expect((await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production'])).code).toBe(0);
  });

  it('stores the secret in the keychain under the vault service and only metadata on disk', async () => {
    const secret = sampleKeys.nora('production');
    const added = await run(['key', 'add', 'nora/acme/live', 'backend', '--no-verify', '--expires', '2099-01-31'], `${secret}\n`);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toContain('stored nora/acme/live/backend (sk_live_');

    const [view] = JSON.parse((await run(['key', 'list', '--json'])).stdout) as { id: string; maskedKey: string; expiresOn: string; env: string }[];
    expect(view).toMatchObject({ expiresOn: '2099-01-31', env: 'production' });
    expect(view?.maskedKey).toBe(`${secret.slice(0, 14)}…`);
    // Besides the key: the audit log's newest hash, which is no secret but must live apart from the home.
    expect(await keychainEntries(keychainServiceFor(vaultIdOf(home)))).toEqual({ [view?.id ?? '']: secret, 'audit-log-head': expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(filesUnder(home))).not.toContain(secret);
  });

  it('trims whitespace around a pasted key and says so', async () => {
    const secret = sampleKeys.nora('production');
    const added = await run(['key', 'add', 'nora/acme/live', 'pasted', '--no-verify'], `  ${secret}\t \n`);
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(/whitespace around the pasted key was removed/);
    expect((await run(['key', 'get', 'nora/acme/live/pasted'])).stdout).toBe(`${secret}\n`);
  });

  it('prints the secret alone on stdout for key get, by ref or by id', async () => {
    const secret = sampleKeys.nora('production');
    await run(['key', 'add', 'nora/acme/live', 'a', '--no-verify'], secret);
    const id = (JSON.parse((await run(['key', 'show', 'nora/acme/live/a', '--json'])).stdout) as { id: string }).id;
    expect(await run(['key', 'get', 'nora/acme/live/a'])).toEqual({ code: 0, stdout: `${secret}\n`, stderr: '' });
    expect((await run(['key', 'get', id])).stdout).toBe(`${secret}\n`);
  });

  it('show never prints the secret', async () => {
    const secret = sampleKeys.nora('production');
    await run(['key', 'add', 'nora/acme/live', 'a', '--no-verify'], secret);
    for (const args of [['key', 'show', 'nora/acme/live/a'], ['key', 'show', 'nora/acme/live/a', '--json'], ['key', 'list'], ['key', 'list', '--json']]) {
      const result = await run(args);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain(secret);
    }
  });

  it('filters the list by provider and environment', async () => {
    await run(['instance', 'add', 'xora', 'acme', 'dev', '--env', 'sandbox']);
    await run(['key', 'add', 'nora/acme/live', 'n', '--no-verify'], sampleKeys.nora('production'));
    await run(['key', 'add', 'xora/acme/dev', 'x', '--no-verify'], sampleKeys.xora());
    const refs = async (args: string[]) => (JSON.parse((await run(['key', 'list', '--json', ...args])).stdout) as { ref: string }[]).map((k) => k.ref);
    expect(await refs([])).toEqual(['nora/acme/live/n', 'xora/acme/dev/x']);
    expect(await refs(['--provider', 'xora'])).toEqual(['xora/acme/dev/x']);
    expect(await refs(['--env', 'production'])).toEqual(['nora/acme/live/n']);
  });

  it('remove deletes the record and the keychain entry', async () => {
    await run(['key', 'add', 'nora/acme/live', 'gone', '--no-verify'], sampleKeys.nora('production'));
    const removed = await run(['key', 'remove', 'nora/acme/live/gone', '--yes']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(/still works at nora/);
    expect(await keychainEntries(keychainServiceFor(vaultIdOf(home)))).toEqual({ 'audit-log-head': expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.parse((await run(['key', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('keeps two homes apart: each has its own keychain service', async () => {
    const other = tempHome();
    const secret = sampleKeys.nora('production');
    await run(['key', 'add', 'nora/acme/live', 'a', '--no-verify'], secret);
    expect((await cliFor(other)(['instance', 'list'])).code).toBe(0);
    expect(vaultIdOf(other)).not.toBe(vaultIdOf(home));
    expect(await keychainEntries(keychainServiceFor(vaultIdOf(other)))).toEqual({});
  });

  it('writes the metadata file readable by its owner only', async () => {
    await run(['key', 'add', 'nora/acme/live', 'a', '--no-verify'], sampleKeys.nora('production'));
    const { statSync } = await import('node:fs');
    expect(statSync(join(home, 'vault.json')).mode & 0o077).toBe(0);
    expect(readFileSync(join(home, 'vault.json'), 'utf8')).toContain('"maskedKey"');
  });
});
