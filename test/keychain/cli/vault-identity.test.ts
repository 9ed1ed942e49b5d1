import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
import { cliFor, spawnCli } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome, vaultIdOf } from '../../support/temp-home.js';

async function vaultWithKey() {
  const home = tempHome();
  const run = cliFor(home);
  const secret = sampleKeys.xora();
  // What the CLI said goes with a failure: a setup step that fails says why.
  const added = await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox']);
  expect(added.code, added.stderr).toBe(0);
  const stored = await run(['key', 'add', 'xora/acme/main', 'ci', '--no-verify'], secret);
  expect(stored.code, stored.stderr).toBe(0);
  return { home, run, secret, vaultId: vaultIdOf(home) };
}

/** A vault.json as an older Keyturn wrote it: no vault id recorded, and no last good copy that records one. */
function withoutRecordedId(home: string) {
  const doc = JSON.parse(readFileSync(join(home, 'vault.json'), 'utf8')) as Record<string, unknown>;
  delete doc.vaultId;
  writeFileSync(join(home, 'vault.json'), JSON.stringify(doc));
  rmSync(join(home, 'vault.last-good.json'), { force: true });
}

describe('a lost vault id', () => {
  it('vault.json records the vault id with every write', async () => {
    const { home, vaultId } = await vaultWithKey();
    expect((JSON.parse(readFileSync(join(home, 'vault.json'), 'utf8')) as { vaultId?: string }).vaultId).toBe(vaultId);
  });

  it('a removed vault-id.json is refused (exit 3, no new id), and recover-id makes the secrets reachable again', async () => {
    const { home, run, secret, vaultId } = await vaultWithKey();
    rmSync(join(home, 'vault-id.json'));

    for (const args of [['key', 'get', 'xora/acme/main/ci'], ['key', 'list'], ['key', 'add', 'xora/acme/main', 'ci'], ['key', 'remove', 'xora/acme/main/ci']]) {
      const refused = await run(args, secret);
      expect(refused.code).toBe(3);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain('vault id file');
      expect(refused.stderr).toContain('is missing');
      expect(refused.stderr).toContain(`keyturn:${vaultId}`);
      expect(refused.stderr).toContain('keyturn vault recover-id');
      expect(existsSync(join(home, 'vault-id.json'))).toBe(false);
    }

    const recovered = await run(['vault', 'recover-id']);
    expect(recovered.code).toBe(0);
    expect(recovered.stdout).toContain(`this vault's id is ${vaultId} (1 of 1 key secrets found in the OS keychain under keyturn:${vaultId})`);
    expect(vaultIdOf(home)).toBe(vaultId);
    // Written atomically with mode 0600, and no temporary file of the write is left in the home.
    expect(statSync(join(home, 'vault-id.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(home).filter((f) => f.startsWith('vault-id.json') && f !== 'vault-id.json')).toEqual([]);
    expect(await run(['key', 'get', 'xora/acme/main/ci'])).toMatchObject({ code: 0, stdout: `${secret}\n` });
  });

  it('a garbage vault-id.json gets the same clear message, not a JSON error, and is kept aside by the recovery', async () => {
    const { home, run, secret, vaultId } = await vaultWithKey();
    writeFileSync(join(home, 'vault-id.json'), '{"vaultId": "abc", oops');

    const refused = await run(['key', 'get', 'xora/acme/main/ci']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^keyturn: the vault id file .* is damaged \(it is not JSON\)/);
    expect(refused.stderr).not.toMatch(/Unexpected token|SyntaxError|JSON at position/);
    expect(refused.stderr).toContain(`keyturn:${vaultId}`);

    expect((await run(['vault', 'recover-id'])).code).toBe(0);
    expect(readdirSync(home).some((f) => f.startsWith('vault-id.replaced-'))).toBe(true);
    expect(await run(['key', 'get', 'xora/acme/main/ci'])).toMatchObject({ code: 0, stdout: `${secret}\n` });
  });

  it('a valid-looking vault-id.json with another id is refused: the two files come from different vaults', async () => {
    const { home, run, vaultId } = await vaultWithKey();
    writeFileSync(join(home, 'vault-id.json'), JSON.stringify({ vaultId: 'f'.repeat(32), createdAt: new Date().toISOString() }));
    const refused = await run(['key', 'list']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`belongs to the vault with id ${vaultId}`);
    expect((await run(['vault', 'recover-id', '--id', vaultId])).code).toBe(0);
    expect((await run(['key', 'list'])).code).toBe(0);
  });

  // A mistyped --id is bad input (exit 2, was 3): the person has an id to correct, the keychain is fine.
  it('recover-id refuses an --id under which the keychain holds none of the keys as bad input (exit 2), and writes nothing', async () => {
    const { home, run } = await vaultWithKey();
    withoutRecordedId(home);
    rmSync(join(home, 'vault-id.json'));
    const wrong = await run(['vault', 'recover-id', '--id', '0123456789abcdef0123456789abcdef']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/holds none of the 1 key secrets .* nothing was written/);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(home, 'vault-id.json'))).toBe(false);
    const bad = await run(['vault', 'recover-id', '--id', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('recover-id refuses an --id other than the one vault.json records, even one the keychain holds the keys under (exit 2, nothing written)', async () => {
    const { home, run, vaultId } = await vaultWithKey();
    rmSync(join(home, 'vault-id.json'));
    const other = '0123456789abcdef0123456789abcdef';
    const [record] = (JSON.parse(readFileSync(join(home, 'vault.json'), 'utf8')) as { keys: { id: string }[] }).keys;
    const account = record?.id ?? '';
    await keytar.setPassword(`keyturn:${other}`, account, sampleKeys.xora());
    try {
      const refused = await run(['vault', 'recover-id', '--id', other]);
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
      expect(refused.stderr).toContain(other);
      expect(refused.stderr).toContain(vaultId);
      expect(existsSync(join(home, 'vault-id.json'))).toBe(false);
      expect((await run(['vault', 'recover-id'])).code).toBe(0);
      expect(vaultIdOf(home)).toBe(vaultId);
    } finally {
      await keytar.deletePassword(`keyturn:${other}`, account);
    }
  });

  it('a vault.json written before the id was recorded: recover-id finds the id in the keychain by key id', async () => {
    const { home, run, secret, vaultId } = await vaultWithKey();
    withoutRecordedId(home);
    rmSync(join(home, 'vault-id.json'));

    const refused = await run(['key', 'list']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('run "keyturn vault recover-id" to find that id in the keychain');
    const recovered = await run(['vault', 'recover-id']);
    expect(recovered).toMatchObject({ code: 0, stderr: '' });
    expect(vaultIdOf(home)).toBe(vaultId);
    expect(await run(['key', 'get', 'xora/acme/main/ci'])).toMatchObject({ code: 0, stdout: `${secret}\n` });
  });

  it('recover-id works in the built CLI bundle too, and leaves no temporary file', async () => {
    const { home, vaultId } = await vaultWithKey();
    rmSync(join(home, 'vault-id.json'));
    const recovering = spawnCli(['--home', home, 'vault', 'recover-id']);
    expect(await recovering.exited).toMatchObject({ code: 0 });
    expect(recovering.stderr()).toBe('');
    expect(vaultIdOf(home)).toBe(vaultId);
    expect(statSync(join(home, 'vault-id.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(home).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('--id takes the id as the keychain service name too', async () => {
    const { home, run, vaultId } = await vaultWithKey();
    rmSync(join(home, 'vault-id.json'));
    expect((await run(['vault', 'recover-id', '--id', `keyturn:${vaultId}`])).code).toBe(0);
    expect(vaultIdOf(home)).toBe(vaultId);
  });

  it('a fresh home still gets a new id', async () => {
    const home = tempHome();
    expect((await cliFor(home)(['key', 'list'])).code).toBe(0);
    expect(vaultIdOf(home)).toMatch(/^[0-9a-f]{32}$/);
  });
});
