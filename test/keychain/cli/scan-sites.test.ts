import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type NexoraEmulator } from '../../emulators/index.js';
import { fingerprintOf } from '../../../electron/core/crypto/fingerprint.js';
import type { LeakScan } from '../../../electron/core/scan/finding.js';
import { cliFor } from '../../support/cli.js';
import { nexoraKeyWithTarget } from '../../support/nexora-fixture.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';
import { openTestVault } from '../../support/vault.js';

interface ScanSite { file: string; line: number; commit?: string; seenAt: string }
interface Shown { id: string; maskedKey: string; scanSites: ScanSite[] }

const where = (sites: readonly ScanSite[]) => sites.map(({ seenAt: _s, ...s }) => s);

describe('keyturn scan records where it found a vault key in plain text, and key show lists it', () => {
  async function vaultWithKey() {
    const home = tempHome();
    const run = cliFor(home);
    await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production']);
    const secret = sampleKeys.nora('production');
    await run(['key', 'add', 'nora/acme/live', 'backend', '--no-verify'], secret);
    const project = join(home, 'project');
    mkdirSync(join(project, 'src'), { recursive: true });
    return { home, run, secret, project };
  }
  const show = async (run: ReturnType<typeof cliFor>) => JSON.parse((await run(['key', 'show', 'nora/acme/live/backend', '--json'])).stdout) as Shown;

  it('records each file and line a tree scan found the key at, and key show lists them (text and JSON) without the key', async () => {
    const { run, secret, project } = await vaultWithKey();
    const source = join(project, 'src', 'client.ts');
    const env = join(project, '.env');
    writeFileSync(source, `import { Nora } from 'nora';\n\nexport const nora = new Nora("${secret}");\n`);
    writeFileSync(env, `PORT=1\nNORA_KEY=${secret}\n`);
    const scanned = await run(['scan', project]);
    expect(scanned.stderr).toBe('');
    expect(scanned.stdout).not.toContain(secret);

    const shown = await show(run);
    expect(where(shown.scanSites)).toEqual([
      { file: env, line: 2 },
      { file: source, line: 3 },
    ]);
    const text = (await run(['key', 'show', 'nora/acme/live/backend'])).stdout;
    expect(text).toMatch(/plain text {3}2: remove it from those files\n/);
    expect(text).toMatch(new RegExp(`${env.replace(/[.]/g, '\\.')}:2\\s+in the files\\s+seen \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d`));
    expect(text).toMatch(new RegExp(`${source.replace(/[.]/g, '\\.')}:3\\s+in the files\\s+seen `));
    expect(text).not.toContain(secret);
  });

  it('a rescan after the key was removed from a file drops that site; once none is left, another scan writes nothing', async () => {
    const { home, run, secret, project } = await vaultWithKey();
    const a = join(project, 'a.py');
    const b = join(project, 'b.py');
    writeFileSync(a, `KEY = "${secret}"\n`);
    writeFileSync(b, `# config\nKEY = "${secret}"\n`);
    await run(['scan', project]);
    writeFileSync(a, 'KEY = os.environ["NORA_KEY"]\n');
    await run(['scan', project]);
    expect(where((await show(run)).scanSites)).toEqual([{ file: b, line: 2 }]);
    writeFileSync(b, '# config\n');
    await run(['scan', project]);
    expect((await show(run)).scanSites).toEqual([]);
    expect((await run(['key', 'show', 'nora/acme/live/backend'])).stdout).toMatch(/plain text {3}none found by a scan\n/);
    const before = readFileSync(join(home, 'vault.json'), 'utf8');
    await run(['scan', project]);
    expect(readFileSync(join(home, 'vault.json'), 'utf8')).toBe(before);
  });

  it('a key imported by the scan gets the places it was found; a value rewritten as a reference is no longer one', async () => {
    const { run, project } = await vaultWithKey();
    const fresh = sampleKeys.nora('production');
    const env = join(project, '.env');
    const notes = join(project, 'notes.md');
    writeFileSync(env, `NORA_API_KEY=${fresh}\n`);
    writeFileSync(notes, `the new key is ${fresh}\n`);
    const imported = await run(['scan', project, '--import', '--replace-with-references']);
    // The key is still in plain text in notes.md (no .env variable to rewrite there): findings remain, exit 1.
    expect(imported.code, imported.stderr).toBe(1);
    const shown = JSON.parse((await run(['key', 'show', 'nora/acme/live/nora-api-key', '--json'])).stdout) as Shown;
    expect(where(shown.scanSites)).toEqual([{ file: notes, line: 1 }]);
  });
});

describe('keyturn revoke --leaked lists the places a scan found the key', () => {
  let nexora: NexoraEmulator;
  beforeAll(async () => {
    nexora = await startEmulator('nexora');
  });
  afterAll(async () => {
    await nexora.close();
  });

  it('in the files and in commits, with what to do about each, before and after proving the key dead', async () => {
    const home = tempHome();
    const run = cliFor(home);
    await run(['instance', 'add', 'nexora', 'acme', 'self', '--env', 'production', '--base-url', nexora.baseUrl()]);
    const leaked = nexora.control.createKey({ name: 'ci' });
    await run(['key', 'add', 'nexora/acme/self', 'ci'], leaked.secret);
    const repo = join(home, 'repo');
    mkdirSync(repo);
    const deploy = join(repo, 'deploy.sh');
    writeFileSync(deploy, `#!/bin/sh\ncurl -H "Authorization: Bearer ${leaked.secret}" https://api.example\n`);
    await run(['scan', repo]);

    // A history scan's sites, as `keyturn scan --git` records them through the vault.
    const { vault } = openTestVault(home);
    const { id, maskedKey } = await show(run);
    const sha = 'abc1234def5678abc1234def5678abc1234def56';
    const history: LeakScan = {
      kind: 'history',
      root: repo,
      findings: [
        {
          file: join(repo, 'old', 'config.json'),
          path: 'old/config.json',
          line: 7,
          column: 12,
          variable: null,
          providerId: 'nexora',
          environment: null,
          org: null,
          maskedKey,
          fingerprint: fingerprintOf(leaked.secret),
          match: { keyId: id, ref: 'nexora/acme/self/ci', environment: 'production', status: 'active', maskedKey },
          commit: { sha, authorDate: '2026-11-30T09:00:00Z', atHead: false },
          secret: leaked.secret,
        },
      ],
      references: [],
      scannedFiles: [],
      counts: { files: 0, commits: 1 },
    };
    await vault.recordScanSites(history);

    const result = await run(['revoke', '--leaked', '--yes'], `Authorization: Bearer ${leaked.secret}\n`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `found in plain text by a scan:\n  in commit abc1234: ${join(repo, 'old', 'config.json')}:7\n  ${deploy}:2\n` +
        'remove it from those files; a commit keeps it in the history (and in every clone) until the history is rewritten: revoking the key is what makes a committed key harmless\n',
    );
    expect(result.stdout).toMatch(/✔ the old key is rejected \(401\)/);
    expect(result.stdout).not.toContain(leaked.secret);
    // The revoked key keeps the places it leaked to: they are its own, whatever replaces it.
    expect(where((await show(run)).scanSites)).toEqual([
      { file: join(repo, 'old', 'config.json'), line: 7, commit: sha },
      { file: deploy, line: 2 },
    ]);

    async function show(cli: typeof run) {
      return JSON.parse((await cli(['key', 'show', 'nexora/acme/self/ci', '--json'])).stdout) as Shown;
    }
  });

  it('a rotation leaves the places a scan found the old key with the old key: the new one was never there', async () => {
    const { home, run, old } = await nexoraKeyWithTarget(nexora, { env: 'sandbox', name: 'backend', variable: 'NEXORA_API_KEY' });
    const project = join(home, 'project');
    mkdirSync(project);
    const leak = join(project, 'notes.txt');
    writeFileSync(leak, `temporary: ${old.secret}\n`);
    await run(['scan', project]);
    const before = JSON.parse((await run(['key', 'show', 'nexora/acme/self/backend', '--json'])).stdout) as Shown;
    expect(where(before.scanSites)).toEqual([{ file: leak, line: 1 }]);

    const rotated = await run(['rotate', 'nexora/acme/self/backend', '--yes']);
    expect(rotated.code, rotated.stderr).toBe(0);
    const current = JSON.parse((await run(['key', 'show', 'nexora/acme/self/backend', '--json'])).stdout) as Shown;
    expect(current.id).not.toBe(before.id);
    expect(current.scanSites).toEqual([]);
    const previous = JSON.parse((await run(['key', 'show', before.id, '--json'])).stdout) as Shown & { status: string };
    expect(previous.status).toBe('revoked');
    expect(where(previous.scanSites)).toEqual([{ file: leak, line: 1 }]);
  });
});
