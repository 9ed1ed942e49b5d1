import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryParseReference } from '../../../electron/core/references/reference.js';
import { resolveReference } from '../../../electron/core/references/resolve.js';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';
import { openTestVault } from '../../support/vault.js';

interface Site { file: string; line: number; by: 'name' | 'id'; variable?: string; seenAt: string }
interface Shown { id: string; referenceSites: Site[] }
interface ScanJson {
  findings: { variable: string; inVault: string | null }[];
  references: { file: string; line: number; variable: string | null; reference: string; keyRef: string | null }[];
  imported?: { ref: string; targets: number; replaced?: { file: string; variable: string; lines: number[]; reference: string; backupPath: string }[]; notReplaced?: { file: string; reason: string }[] }[];
}

async function vaultWithKey() {
  const home = tempHome();
  const run = cliFor(home);
  await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production']);
  await run(['key', 'add', 'nora/acme/live', 'backend', '--no-verify'], sampleKeys.nora('production'));
  const { id } = JSON.parse((await run(['key', 'show', 'nora/acme/live/backend', '--json'])).stdout) as Shown;
  const project = join(home, 'project');
  mkdirSync(project);
  return { home, run, id, project };
}

describe('keyturn scan: keyturn:// references are usage sites', () => {
  it('finds references by name and by id with their line and variable (CRLF), records them, and key show lists them', async () => {
    const { run, id, project } = await vaultWithKey();
    const env = join(project, '.env');
    writeFileSync(env, `# service\r\nNORA_KEY=keyturn://nora/acme/live/backend\r\nPORT=1\r\nPINNED='keyturn://id/${id}'\r\n`);

    const report = await run(['scan', project, '--json']);
    expect(report.code, report.stderr).toBe(0);
    expect((JSON.parse(report.stdout) as ScanJson).references).toEqual([
      { file: env, line: 2, variable: 'NORA_KEY', reference: 'keyturn://nora/acme/live/backend', keyRef: 'nora/acme/live/backend' },
      { file: env, line: 4, variable: 'PINNED', reference: `keyturn://id/${id}`, keyRef: 'nora/acme/live/backend' },
    ]);

    const shown = JSON.parse((await run(['key', 'show', 'nora/acme/live/backend', '--json'])).stdout) as Shown;
    expect(shown.referenceSites.map(({ seenAt: _s, ...s }) => s)).toEqual([
      { file: env, line: 2, by: 'name', variable: 'NORA_KEY' },
      { file: env, line: 4, by: 'id', variable: 'PINNED' },
    ]);
    const text = (await run(['key', 'show', 'nora/acme/live/backend'])).stdout;
    expect(text).toMatch(/references {3}2\n/);
    expect(text).toMatch(new RegExp(`${env.replace(/[.]/g, '\\.')}:2\\s+NORA_KEY\\s+by name\\s+seen \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d`));
    expect(text).toMatch(new RegExp(`${env.replace(/[.]/g, '\\.')}:4\\s+PINNED\\s+by id\\s+seen `));
  });

  it('a rescan after a reference was removed drops its site', async () => {
    const { run, project } = await vaultWithKey();
    const env = join(project, '.env');
    writeFileSync(env, 'A=keyturn://nora/acme/live/backend\nB=keyturn://nora/acme/live/backend\n');
    await run(['scan', project]);
    writeFileSync(env, 'B=keyturn://nora/acme/live/backend\n');
    const rescan = await run(['scan', project]);
    expect(rescan.code, rescan.stderr).toBe(0);
    const sites = (JSON.parse((await run(['key', 'show', 'nora/acme/live/backend', '--json'])).stdout) as Shown).referenceSites;
    expect(sites.map((s) => [s.line, s.variable])).toEqual([[1, 'B']]);
    writeFileSync(env, 'B=1\n');
    await run(['scan', project]);
    expect((JSON.parse((await run(['key', 'show', 'nora/acme/live/backend', '--json'])).stdout) as Shown).referenceSites).toEqual([]);
    expect((await run(['key', 'show', 'nora/acme/live/backend'])).stdout).toMatch(/references {3}none found/);
  });

  it('lists references that name nothing in this vault, in the table and the JSON, and still exits 0', async () => {
    const { run, project } = await vaultWithKey();
    const env = join(project, '.env');
    writeFileSync(env, 'GOOD=keyturn://nora/acme/live/backend\nTYPO=keyturn://nora/acme/live/backnd\nOTHER=keyturn://id/not-here\n');
    const shown = await run(['scan', project]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/^no provider keys found\n\nREFERENCE +FILE:LINE +VARIABLE +KEY\n/);
    expect(shown.stdout).toMatch(/keyturn:\/\/nora\/acme\/live\/backend +\S+\.env:1 +GOOD +nora\/acme\/live\/backend\n/);
    expect(shown.stdout).toMatch(/keyturn:\/\/nora\/acme\/live\/backnd +\S+\.env:2 +TYPO +not in this vault\n/);
    expect(shown.stdout).toMatch(/keyturn:\/\/id\/not-here +\S+\.env:3 +OTHER +not in this vault\n/);
    expect(shown.stdout).toMatch(/1 reference site\(s\) recorded/);
    expect(shown.stderr).toMatch(/warning: 2 reference\(s\) name no key in this vault/);
    const json = JSON.parse((await run(['scan', project, '--json'])).stdout) as ScanJson;
    expect(json.references.map((r) => [r.variable, r.keyRef])).toEqual([['GOOD', 'nora/acme/live/backend'], ['TYPO', null], ['OTHER', null]]);
  });

  it('a scan that finds no reference writes nothing to the vault', async () => {
    const { home, run, project } = await vaultWithKey();
    writeFileSync(join(project, '.env'), 'PORT=1\n');
    const before = readFileSync(join(home, 'vault.json'), 'utf8');
    expect((await run(['scan', project])).code).toBe(0);
    expect(readFileSync(join(home, 'vault.json'), 'utf8')).toBe(before);
  });
});

describe('keyturn scan --import --replace-with-references', () => {
  it('is refused without --import (exit 2), and changes nothing', async () => {
    const { run, project } = await vaultWithKey();
    const text = `NORA_API_KEY=${sampleKeys.nora('production')}\n`;
    writeFileSync(join(project, '.env'), text);
    const refused = await run(['scan', project, '--replace-with-references']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--replace-with-references rewrites the values a scan imports: add --import/);
    expect(readFileSync(join(project, '.env'), 'utf8')).toBe(text);
    expect(readdirSync(project)).toEqual(['.env']);
  });

  it('rewrites the imported value as its reference byte for byte, keeps a backup, records a site instead of a swap target, and the reference resolves to the key', async () => {
    const { home, run, project } = await vaultWithKey();
    const fresh = sampleKeys.nora('production');
    const env = join(project, '.env');
    const before = `# billing\r\nexport NORA_API_KEY="${fresh}" # from the dashboard\r\nPORT=8080\r\nNORA_KEY=keyturn://nora/acme/live/backend\r\n`;
    writeFileSync(env, before);

    const imported = await run(['scan', project, '--import', '--replace-with-references']);
    expect(imported.code, imported.stderr).toBe(0);
    const reference = 'keyturn://nora/acme/live/nora-api-key';
    expect(readFileSync(env, 'utf8')).toBe(`# billing\r\nexport NORA_API_KEY="${reference}" # from the dashboard\r\nPORT=8080\r\nNORA_KEY=keyturn://nora/acme/live/backend\r\n`);
    const backups = readdirSync(project).filter((f) => f.startsWith('.env.keyturn-backup-'));
    expect(backups).toHaveLength(1);
    const backup = join(project, backups[0] ?? '');
    expect(readFileSync(backup, 'utf8')).toBe(before);
    expect(imported.stdout).toContain(`imported nora/acme/live/nora-api-key, named by reference in 1 file(s)\n  ${env}: NORA_API_KEY=${reference} (the file as it was: ${backup}; it holds the plaintext key`);
    expect(imported.stdout).not.toContain(fresh);

    // The file is no swap target of the key: its sites say where it is named.
    expect(JSON.parse((await run(['target', 'list', 'nora/acme/live/nora-api-key', '--json'])).stdout)).toEqual([]);
    const shown = JSON.parse((await run(['key', 'show', 'nora/acme/live/nora-api-key', '--json'])).stdout) as Shown;
    expect(shown.referenceSites.map(({ seenAt: _s, ...s }) => s)).toEqual([{ file: env, line: 2, by: 'name', variable: 'NORA_API_KEY' }]);
    // The reference already there is a site of its key too.
    expect((JSON.parse((await run(['key', 'show', 'nora/acme/live/backend', '--json'])).stdout) as Shown).referenceSites.map((s) => s.line)).toEqual([4]);

    // What the file now holds resolves to the imported key, whose secret is the value it replaced.
    const value = /NORA_API_KEY="([^"]+)"/.exec(readFileSync(env, 'utf8'))?.[1] ?? '';
    const resolved = resolveReference(openTestVault(home).vault.read(), value, { variable: 'NORA_API_KEY', source: 'file', file: env, line: 2 });
    expect(resolved.ref).toBe('nora/acme/live/nora-api-key');
    const parsed = tryParseReference(value);
    expect(parsed).toEqual({ by: 'name', ref: 'nora/acme/live/nora-api-key' });
    expect((await run(['key', 'get', parsed?.by === 'name' ? parsed.ref : ''])).stdout).toBe(`${fresh}\n`);

    // A second scan finds the key in the backup only, already in the vault: nothing more is imported or rewritten.
    const again = JSON.parse((await run(['scan', project, '--import', '--replace-with-references', '--json'])).stdout) as ScanJson;
    expect(again.imported).toEqual([]);
    expect(again.findings.map((f) => f.inVault)).toEqual(['nora/acme/live/nora-api-key']);
    expect(readdirSync(project).filter((f) => f.startsWith('.env.keyturn-backup-'))).toHaveLength(1);
  });

  it('never rewrites through a symbolic link: a linked file is skipped, one in a linked folder is named with why, both left as they were', async () => {
    const { home, run, project } = await vaultWithKey();
    const outside = join(home, 'outside');
    mkdirSync(outside);
    const [inLinkedFile, inLinkedFolder] = [sampleKeys.nora('production'), sampleKeys.nora('production')];
    const real = join(outside, 'real.env');
    writeFileSync(real, `NORA_API_KEY=${inLinkedFile}\n`);
    symlinkSync(real, join(project, '.env'));
    const target = join(outside, 'app');
    mkdirSync(target);
    writeFileSync(join(target, '.env'), `OTHER_NORA=${inLinkedFolder}\n`);
    symlinkSync(target, join(home, 'app-link'));

    const linkedFile = await run(['scan', project, '--import', '--replace-with-references']);
    expect(linkedFile.code, linkedFile.stderr).toBe(0);
    expect(linkedFile.stderr).toMatch(/skipped .*\.env": a symbolic link, not followed/);
    expect(readFileSync(real, 'utf8')).toBe(`NORA_API_KEY=${inLinkedFile}\n`);

    const linkedFolder = await run(['scan', join(home, 'app-link'), '--import', '--replace-with-references', '--json']);
    // The key is still in that file in plain text: a finding.
    expect(linkedFolder.code, linkedFolder.stderr).toBe(1);
    const [imported] = (JSON.parse(linkedFolder.stdout) as ScanJson).imported ?? [];
    expect(imported?.replaced).toEqual([]);
    expect(imported?.notReplaced).toEqual([{ file: join(home, 'app-link', '.env'), reason: expect.stringMatching(/leads to .*outside\/app\/\.env through a symbolic link: not rewritten/) }]);
    expect(readFileSync(join(target, '.env'), 'utf8')).toBe(`OTHER_NORA=${inLinkedFolder}\n`);
    expect(readdirSync(target)).toEqual(['.env']);
    expect(existsSync(join(outside, 'real.env.keyturn-backup'))).toBe(false);
  });
});
