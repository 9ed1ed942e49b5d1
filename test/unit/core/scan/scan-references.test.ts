import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanFolder } from '../../../../electron/core/node/scan/scan-folder.js';
import { sampleKeys } from '../../../support/keys.js';

/** No vault: the rules of the built-in providers alone. */
const NO_VAULT = { matcher: { customProviders: [], vaultKeys: [] } };

describe('scan finds keyturn:// references', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const folder = () => {
    const root = mkdtempSync(join(tmpdir(), 'keyturn-scan-refs-'));
    dirs.push(root);
    return root;
  };

  it('finds each reference in a .env file with its line and the variable it fills, by name and by id, quoted or not', async () => {
    const root = folder();
    const key = sampleKeys.nexora();
    writeFileSync(
      join(root, '.env'),
      [
        '# service',
        'API=keyturn://nexora/acme/self/backend',
        `PLAIN=${key}`,
        "export QUOTED='keyturn://id/k-123'",
        'DOUBLE="keyturn://nora/acme/live/billing" # the billing key',
        '',
      ].join('\n'),
    );
    const scanned = await scanFolder(root, NO_VAULT);
    const file = join(root, '.env');
    expect(scanned.references).toEqual([
      { file, line: 2, reference: 'keyturn://nexora/acme/self/backend', variable: 'API' },
      { file, line: 4, reference: 'keyturn://id/k-123', variable: 'QUOTED' },
      { file, line: 5, reference: 'keyturn://nora/acme/live/billing', variable: 'DOUBLE' },
    ]);
    expect(scanned.scannedFiles).toEqual([file]);
    // The key next to them is still a finding, the references are not.
    expect(scanned.findings.map((f) => f.variable)).toEqual(['PLAIN']);
  });

  it('counts lines of a CRLF file as its loader does', async () => {
    const root = folder();
    mkdirSync(join(root, 'svc'));
    writeFileSync(join(root, 'svc', 'prod.env'), 'A=1\r\n\r\nB=keyturn://xora/acme/main/ci\r\nC=keyturn://id/abc\r\n');
    const { references } = await scanFolder(root, NO_VAULT);
    expect(references.map((r) => [r.line, r.variable, r.reference])).toEqual([
      [3, 'B', 'keyturn://xora/acme/main/ci'],
      [4, 'C', 'keyturn://id/abc'],
    ]);
  });

  it('a reference in a comment is no site: no loader reads it', async () => {
    const root = folder();
    writeFileSync(join(root, '.env'), '# was keyturn://xora/acme/main/old\nA=keyturn://xora/acme/main/ci # not keyturn://xora/acme/main/other\n  #B=keyturn://id/x\n');
    const { references } = await scanFolder(root, NO_VAULT);
    expect(references.map((r) => r.reference)).toEqual(['keyturn://xora/acme/main/ci']);
  });

  it('a reference outside an assignment (not a comment) is kept, without a variable', async () => {
    const root = folder();
    writeFileSync(join(root, '.env'), 'A=1\nkeyturn://xora/acme/main/ci\n');
    const { references } = await scanFolder(root, NO_VAULT);
    expect(references).toEqual([{ file: join(root, '.env'), line: 2, reference: 'keyturn://xora/acme/main/ci' }]);
  });

  it('lists every text file it read, and none it skipped (a link): sites of a skipped file are not replaced', async () => {
    const root = folder();
    writeFileSync(join(root, '.env'), 'A=keyturn://xora/acme/main/ci\n');
    writeFileSync(join(root, 'b.env'), 'B=2\n');
    writeFileSync(join(root, 'README.md'), 'A=keyturn://xora/acme/main/ci\n');
    symlinkSync(join(root, '.env'), join(root, '.env.link'));
    const { scannedFiles, references } = await scanFolder(root, NO_VAULT);
    expect(scannedFiles).toEqual([join(root, '.env'), join(root, 'README.md'), join(root, 'b.env')]);
    expect(references.map((r) => r.file)).toEqual([join(root, '.env'), join(root, 'README.md')]);
  });
});
