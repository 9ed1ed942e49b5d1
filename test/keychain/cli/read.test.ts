import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfMetadataStore } from '../../../electron/core/node/store/conf-metadata-store.js';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome, vaultIdOf } from '../../support/temp-home.js';

type Entry = Record<string, unknown> & { action: string; seq: number };

/** A home with one active Xora key, and one that was revoked. */
async function home() {
  const dir = tempHome();
  const run = cliFor(dir);
  const secret = sampleKeys.xora();
  expect((await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
  expect((await run(['key', 'add', 'xora/acme/main', 'ci', '--no-verify'], secret)).code).toBe(0);
  expect((await run(['key', 'add', 'xora/acme/main', 'gone', '--no-verify'], sampleKeys.xora())).code).toBe(0);
  await new ConfMetadataStore(dir, { vaultId: vaultIdOf(dir) }).update((doc) => ({
    doc: { ...doc, keys: doc.keys.map((k) => (k.name === 'gone' ? { ...k, status: 'revoked' as const } : k)) },
    result: undefined,
  }));
  return { dir, run, secret };
}

const entries = async (run: ReturnType<typeof cliFor>) => JSON.parse((await run(['log', 'show', '--json'])).stdout) as Entry[];
/** An entry without what differs between any two (its place in the chain, its time). */
const content = ({ seq: _seq, at: _at, prev: _prev, ...rest }: Entry) => rest;

describe('keyturn read', () => {
  it('prints the secret alone, exactly as key get does, by name and by id, and audits it as key get does', async () => {
    const { run, secret } = await home();
    const got = await run(['key', 'get', 'xora/acme/main/ci']);
    const afterGet = await entries(run);
    const read = await run(['read', 'keyturn://xora/acme/main/ci']);
    const afterRead = await entries(run);
    expect(read).toEqual(got);
    expect(read).toEqual({ code: 0, stdout: `${secret}\n`, stderr: '' });
    expect(afterRead).toHaveLength(afterGet.length + 1);
    expect(content(afterRead.at(-1) as Entry)).toEqual(content(afterGet.at(-1) as Entry));
    expect(afterRead.at(-1)).toMatchObject({ action: 'key.get', outcome: 'ok' });

    const id = (JSON.parse((await run(['key', 'list', '--json'])).stdout) as { id: string; ref: string }[]).find((k) => k.ref === 'xora/acme/main/ci')?.id as string;
    expect(await run(['read', `keyturn://id/${id}`])).toEqual({ code: 0, stdout: `${secret}\n`, stderr: '' });
  });

  it('forbids a revoked key (key get still prints it), a missing key and what is not a reference (exit 2, nothing printed)', async () => {
    const { run } = await home();
    expect((await run(['key', 'get', 'xora/acme/main/gone'])).code).toBe(0);
    const revoked = await run(['read', 'keyturn://xora/acme/main/gone']);
    expect(revoked).toMatchObject({ code: 2, stdout: '' });
    expect(revoked.stderr).toContain('keyturn://xora/acme/main/gone was revoked');
    const missing = await run(['read', 'keyturn://xora/acme/main/nope']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('names a key this vault does not have');
    const bare = await run(['read', 'xora/acme/main/ci']);
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr).toContain('"xora/acme/main/ci" is not a reference: write keyturn://PROVIDER/ORG/INSTANCE/NAME or keyturn://id/KEY-ID');
    expect((await entries(run)).filter((e) => e.action === 'key.get')).toHaveLength(1);
  });

  it('says in its help that only an active key is printed', async () => {
    const { run } = await home();
    const help = await run(['read', '--help']);
    expect(help.stdout).toMatch(/Only an active key is printed: a reference to a revoked or expired key/);
  });

  it('starts as key get does: one file of the bundle, without the schemas (zod), the HTTP client or the vault writer', async () => {
    const { dir, secret } = await home();
    const list = join(tempHome(), 'loaded.txt');
    writeFileSync(list, '');
    const root = process.cwd();
    const child = spawn(process.execPath, ['--import', pathToFileURL(join(root, 'test/support/record-loaded-modules.mjs')).href, 'bin/keyturn.mjs', '--home', dir, 'read', 'keyturn://xora/acme/main/ci'], {
      env: { ...process.env, KEYTURN_LOADED_MODULES_FILE: list },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
    expect(stdout).toBe(`${secret}\n`);
    const meta = JSON.parse(readFileSync(join(root, 'dist/cli/meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const files = readFileSync(list, 'utf8').split('\n').filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url).slice(root.length + 1)).filter((f) => f.startsWith('dist/cli/'));
    expect(files).toEqual(['dist/cli/keyturn.mjs']);
    const sources = files.flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {}));
    expect(sources).toContain('electron/cli/commands/read.ts');
    for (const unwanted of [/node_modules\/zod\//, /node_modules\/undici\//, /node_modules\/(conf|ajv)\//, /^electron\/core\/(node\/)?vault\/vault\.ts$/]) {
      expect(sources.filter((s) => unwanted.test(s)), String(unwanted)).toEqual([]);
    }
  });
});
