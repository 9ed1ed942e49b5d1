import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';

type Doc = Record<string, unknown> & { keys: (Record<string, unknown> & { id: string; name: string })[]; instances: Record<string, unknown>[] };
const readDoc = (home: string) => JSON.parse(readFileSync(join(home, 'vault.json'), 'utf8')) as Doc;
const writeDoc = (home: string, doc: Doc) => writeFileSync(join(home, 'vault.json'), JSON.stringify(doc));

async function vaultWithKeys(names: string[]) {
  const home = tempHome();
  const run = cliFor(home);
  expect((await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
  const secrets: Record<string, string> = {};
  for (const name of names) {
    secrets[name] = sampleKeys.xora();
    expect((await run(['key', 'add', 'xora/acme/main', name, '--no-verify'], secrets[name])).code).toBe(0);
  }
  return { home, run, secrets };
}

describe('one bad field in vault.json', () => {
  it('hides only its record, names it exactly, and the others stay usable (exit 3)', async () => {
    const { home, run, secrets } = await vaultWithKeys(['a', 'b', 'c']);
    const doc = readDoc(home);
    const damaged = doc.keys[1] as Doc['keys'][number];
    damaged.expiresOn = 'soon';
    writeDoc(home, doc);

    const listed = await run(['key', 'list']);
    expect(listed.code).toBe(3);
    expect(listed.stdout).toMatch(/xora\/acme\/main\/a/);
    expect(listed.stdout).toMatch(/xora\/acme\/main\/c/);
    expect(listed.stdout).not.toMatch(/xora\/acme\/main\/b/);
    expect(listed.stderr).toContain(`keys[1] (id ${damaged.id}, name b): expiresOn: Invalid ISO date`);
    expect(listed.stderr).toContain(`cp '${join(home, 'vault.last-good.json')}' '${join(home, 'vault.json')}'`);

    const got = await run(['key', 'get', 'xora/acme/main/c']);
    expect(got.stdout).toBe(`${secrets.c}\n`);
    expect(got.code).toBe(3);
  });

  it('key get reads one record, yet a damaged record is still found: another one is reported beside the secret, the asked-for one instead of it', async () => {
    const { home, run, secrets } = await vaultWithKeys(['a', 'b', 'c']);
    // Written by Keyturn, so checked whole and indexed: then edited by hand.
    expect(existsSync(join(home, 'vault.checked.json'))).toBe(true);
    const doc = readDoc(home);
    const damaged = doc.keys[1] as Doc['keys'][number];
    damaged.status = 'lost';
    writeDoc(home, doc);

    const other = await run(['key', 'get', 'xora/acme/main/c']);
    expect(other.stdout).toBe(`${secrets.c}\n`);
    expect(other.stderr).toContain(`keys[1] (id ${damaged.id}, name b): status: `);
    expect(other.code).toBe(3);

    const target = await run(['key', 'get', 'xora/acme/main/b']);
    expect(target.stdout).toBe('');
    expect(target.stderr).toContain(`keys[1] (id ${damaged.id}, name b): status: `);
    expect(target.code).not.toBe(0);
    const byId = await run(['key', 'get', damaged.id]);
    expect(byId.stdout).toBe('');
    expect(byId.stderr).toContain(`keys[1] (id ${damaged.id}, name b): status: `);
  });

  it('refuses a write while a record is damaged, so the damaged record is never dropped', async () => {
    const { home, run } = await vaultWithKeys(['a', 'b']);
    const doc = readDoc(home);
    (doc.keys[0] as Doc['keys'][number]).fingerprint = 'not-hex';
    writeDoc(home, doc);
    const before = readFileSync(join(home, 'vault.json'), 'utf8');

    const added = await run(['key', 'add', 'xora/acme/main', 'd', '--no-verify'], sampleKeys.xora());
    expect(added.code).toBe(3);
    expect(added.stderr).toMatch(/nothing was changed\)[\s\S]*keys\[0\] \(id [^,]+, name a\): fingerprint: /);
    // Said once, not twice.
    expect(added.stderr.match(/keys\[0\]/g)).toHaveLength(1);
    expect(readFileSync(join(home, 'vault.json'), 'utf8')).toBe(before);

    const removed = await run(['key', 'remove', 'xora/acme/main/b']);
    expect(removed.code).toBe(3);
    expect(readFileSync(join(home, 'vault.json'), 'utf8')).toBe(before);
  });

  it('restoring the last good copy brings every key back', async () => {
    const { home, run } = await vaultWithKeys(['a', 'b']);
    const good = readFileSync(join(home, 'vault.json'), 'utf8');
    expect((await run(['instance', 'add', 'xora', 'acme', 'other', '--env', 'sandbox'])).code).toBe(0);
    // The copy kept before that write is exactly the file it replaced.
    expect(readFileSync(join(home, 'vault.last-good.json'), 'utf8')).toBe(good);

    const doc = readDoc(home);
    (doc.instances[0] as Record<string, unknown>).env = 'staging';
    writeDoc(home, doc);
    const listed = await run(['key', 'list']);
    expect(listed.code).toBe(3);
    expect(listed.stderr).toMatch(/instances\[0\] \(id [^,]+, name main\): env: /);

    writeFileSync(join(home, 'vault.json'), readFileSync(join(home, 'vault.last-good.json')));
    const after = await run(['key', 'list']);
    expect(after).toMatchObject({ code: 0, stderr: '' });
    expect(after.stdout).toMatch(/main\/a[\s\S]*main\/b/);
    expect(readDoc(home).instances).toHaveLength(1);
  });

  it('keeps fields a newer version wrote through a write', async () => {
    const { home, run } = await vaultWithKeys(['a']);
    const doc = readDoc(home);
    doc.futureSetting = { on: true };
    (doc.instances[0] as Record<string, unknown>).region = 'eu-1';
    (doc.keys[0] as Doc['keys'][number]).labels = ['ci', 'billing'];
    writeDoc(home, doc);

    expect((await run(['key', 'add', 'xora/acme/main', 'b', '--no-verify'], sampleKeys.xora())).code).toBe(0);
    const after = readDoc(home);
    expect(after.futureSetting).toEqual({ on: true });
    expect(after.instances[0]?.region).toBe('eu-1');
    expect(after.keys.find((k) => k.name === 'a')?.labels).toEqual(['ci', 'billing']);
  });

  it('a file that is not JSON is moved aside, and the message points to the real last good copy', async () => {
    const { home, run } = await vaultWithKeys(['a', 'b']);
    const lastGood = readFileSync(join(home, 'vault.last-good.json'), 'utf8');
    writeFileSync(join(home, 'vault.json'), '{"schemaVersion":1,"keys":[{"id": TRUNCATED');

    const listed = await run(['instance', 'list']);
    const pinned = readdirSync(home).find((f) => /^vault\.last-good-.*\.json$/.test(f));
    expect(pinned).toBeDefined();
    expect(listed.stderr).toContain(`the last good copy of the file (from `);
    expect(listed.stderr).toContain(`cp '${join(home, pinned ?? '')}' '${join(home, 'vault.json')}'`);
    // Later writes replace vault.last-good.json; the pinned copy stays as it was.
    await run(['instance', 'add', 'xora', 'acme', 'other', '--env', 'sandbox']);
    await run(['instance', 'add', 'xora', 'acme', 'third', '--env', 'sandbox']);
    expect(readFileSync(join(home, pinned ?? ''), 'utf8')).toBe(lastGood);
  });

  it('a file that is not JSON with no backup says there is none', async () => {
    const home = tempHome();
    const run = cliFor(home);
    await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox']);
    expect(existsSync(join(home, 'vault.last-good.json'))).toBe(false);
    writeFileSync(join(home, 'vault.json'), 'not json');
    const listed = await run(['instance', 'list']);
    expect(listed.stderr).toMatch(/there is no backup of the file to restore/);
    expect(listed.stderr).not.toMatch(/restore the file from a backup/);
  });
});
