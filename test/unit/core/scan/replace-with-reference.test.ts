import { chmodSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isProblem } from '../../../../electron/core/domain/problems/problem-error.js';
import { replaceWithReference } from '../../../../electron/core/node/scan/replace-with-reference.js';
import { sampleKeys } from '../../../support/keys.js';

describe('a scan replaces an imported plaintext value by its reference', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) {
      chmodSync(d, 0o755);
      rmSync(d, { recursive: true, force: true });
    }
  });
  const folder = () => {
    const root = mkdtempSync(join(tmpdir(), 'keyturn-replace-'));
    dirs.push(root);
    return root;
  };
  const reference = 'keyturn://nexora/acme/self/backend';
  const rewrite = (file: string, secret: string, variable = 'NEXORA_API_KEY', backedUp = new Set<string>()) => replaceWithReference({ file, variable, secret, reference, backupTag: 'T1', backedUp });
  const refusal = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      if (isProblem(error)) return error.problem;
      throw error;
    }
    throw new Error('not refused');
  };

  it('changes only the value: comments, quotes, export, other lines and CRLF are kept byte for byte; the file as it was is the 0600 backup', async () => {
    const root = folder();
    const key = sampleKeys.nexora();
    const file = join(root, '.env');
    const before = `# service\r\nexport NEXORA_API_KEY="${key}" # the backend key\r\nPORT=8080\r\n\r\nOTHER='x'\r\n`;
    writeFileSync(file, before, { mode: 0o640 });
    const done = await rewrite(file, key);
    expect(readFileSync(file, 'utf8')).toBe(`# service\r\nexport NEXORA_API_KEY="${reference}" # the backend key\r\nPORT=8080\r\n\r\nOTHER='x'\r\n`);
    expect(done).toEqual({ lines: [2], backupPath: `${file}.keyturn-backup-T1` });
    expect(readFileSync(done.backupPath, 'utf8')).toBe(before);
    expect(statSync(done.backupPath).mode & 0o777).toBe(0o600);
    // The file keeps its own mode.
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('keeps single quotes and unquoted values as they were', async () => {
    const root = folder();
    const key = sampleKeys.nexora();
    const file = join(root, '.env');
    writeFileSync(file, `A='${key}'\nB=${key}\n`);
    await rewrite(file, key, 'A');
    await rewrite(file, key, 'B', new Set([file]));
    expect(readFileSync(file, 'utf8')).toBe(`A='${reference}'\nB=${reference}\n`);
  });

  it('backs a file up once per scan: a second variable rewritten in it keeps the backup of the file before the scan', async () => {
    const root = folder();
    const [a, b] = [sampleKeys.nexora(), sampleKeys.nexora()];
    const file = join(root, '.env');
    const before = `A=${a}\nB=${b}\n`;
    writeFileSync(file, before);
    const backedUp = new Set<string>();
    await rewrite(file, a, 'A', backedUp);
    const second = await rewrite(file, b, 'B', backedUp);
    expect(readFileSync(second.backupPath, 'utf8')).toBe(before);
  });

  it('refuses a symbolic link to the file, and a file reached through a linked folder, writing nothing', async () => {
    const root = folder();
    const key = sampleKeys.nexora();
    const real = join(root, 'real.env');
    writeFileSync(real, `NEXORA_API_KEY=${key}\n`);
    symlinkSync(real, join(root, '.env'));
    expect(await refusal(rewrite(join(root, '.env'), key))).toEqual({ code: 'scan.replace-through-link', path: join(root, '.env'), resolved: real });
    symlinkSync(root, join(root, 'linked'));
    expect(await refusal(rewrite(join(root, 'linked', 'real.env'), key))).toMatchObject({ code: 'scan.replace-through-link' });
    expect(readFileSync(real, 'utf8')).toBe(`NEXORA_API_KEY=${key}\n`);
    expect(readdirSync(root).sort()).toEqual(['.env', 'linked', 'real.env']);
  });

  it('refuses a hard-linked and a read-only file with the dotenv target’s own refusals, writing nothing', async () => {
    const root = folder();
    const key = sampleKeys.nexora();
    const linked = join(root, '.env');
    writeFileSync(linked, `NEXORA_API_KEY=${key}\n`);
    linkSync(linked, join(root, 'second-name'));
    expect(await refusal(rewrite(linked, key))).toMatchObject({ code: 'target.file.hard-links', links: 2 });
    const readOnly = join(root, 'ro.env');
    writeFileSync(readOnly, `NEXORA_API_KEY=${key}\n`, { mode: 0o444 });
    expect(await refusal(rewrite(readOnly, key))).toMatchObject({ code: 'target.file.read-only' });
    expect(readFileSync(linked, 'utf8')).toBe(`NEXORA_API_KEY=${key}\n`);
    expect(readFileSync(readOnly, 'utf8')).toBe(`NEXORA_API_KEY=${key}\n`);
    expect(readdirSync(root).sort()).toEqual(['.env', 'ro.env', 'second-name']);
  });

  it('refuses when another line sets the variable to something else, or the key is no longer there', async () => {
    const root = folder();
    const key = sampleKeys.nexora();
    const file = join(root, '.env');
    const text = `NEXORA_API_KEY=${key}\nNEXORA_API_KEY=other\n`;
    writeFileSync(file, text);
    expect(await refusal(rewrite(file, key))).toEqual({ code: 'scan.replace-other-value', path: file, variable: 'NEXORA_API_KEY', line: 2 });
    expect(await refusal(rewrite(file, sampleKeys.nexora()))).toEqual({ code: 'scan.replace-value-changed', path: file, variable: 'NEXORA_API_KEY' });
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(root)).toEqual(['.env']);
  });
});
