import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../../electron/core/crypto/fingerprint.js';
import { emptyVaultDocument, type Instance, type VaultDocument } from '../../../../electron/core/domain/model.js';
import { classifyFindings, planImport } from '../../../../electron/core/scan/import-plan.js';
import { scanFolder, toDisplay, type SkippedFile } from '../../../../electron/core/node/scan/scan-folder.js';
import { sampleKeys } from '../../../support/keys.js';

/** No vault: the rules of the built-in providers alone. */
const NO_VAULT = { matcher: { customProviders: [], vaultKeys: [] } };

describe('scan', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const keys = { xora: sampleKeys.xora(), noraLive: sampleKeys.nora('production'), noraTest: sampleKeys.nora('sandbox'), nexora: sampleKeys.nexora(), xerotier: sampleKeys.xerotier('my-project'), readme: sampleKeys.xora() };
  /** What tree() holds outside node_modules and .git: six keys in .env files and one in the README. */
  const IN_TREE = 7;

  function tree() {
    const root = mkdtempSync(join(tmpdir(), 'keyturn-scan-'));
    dirs.push(root);
    mkdirSync(join(root, 'config'));
    mkdirSync(join(root, 'node_modules', 'x'), { recursive: true });
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, '.env'), `# app\nXORA_API_KEY=${keys.xora}\nPORT=8080\nexport NORA_KEY="${keys.noraLive}"\n`);
    writeFileSync(join(root, '.env.local'), `NORA_KEY='${keys.noraLive}'\nNORA_TEST_KEY=${keys.noraTest}\n`);
    writeFileSync(join(root, 'config', 'prod.env'), `NEXORA_KEY=${keys.nexora}\r\nXEROTIER_KEY=${keys.xerotier}\r\nNAME=hello\r\n`);
    writeFileSync(join(root, 'node_modules', 'x', '.env'), `XORA_API_KEY=${sampleKeys.xora()}\n`);
    writeFileSync(join(root, '.git', '.env'), `XORA_API_KEY=${sampleKeys.xora()}\n`);
    writeFileSync(join(root, 'README.md'), `Set XORA_API_KEY=${keys.readme} in your shell.\n`);
    return root;
  }

  const instance = (over: Partial<Instance>): Instance => ({ id: over.name ?? 'i', provider: 'nora', org: 'acme', name: 'live', env: 'production', baseUrl: 'https://api.nora.finance', createdAt: new Date(0).toISOString(), ...over });

  it('finds provider keys in .env files (with the variable) and in any other text file (without), and skips node_modules and .git', async () => {
    const { findings } = await scanFolder(tree(), NO_VAULT);
    expect(findings.map((f) => [f.file.split('/').slice(-2).join('/'), f.variable, f.providerId, f.environment])).toEqual([
      [expect.stringMatching(/\/\.env$/), 'XORA_API_KEY', 'xora', null],
      [expect.stringMatching(/\/\.env$/), 'NORA_KEY', 'nora', 'production'],
      [expect.stringMatching(/\.env\.local$/), 'NORA_KEY', 'nora', 'production'],
      [expect.stringMatching(/\.env\.local$/), 'NORA_TEST_KEY', 'nora', 'sandbox'],
      [expect.stringMatching(/\/README\.md$/), null, 'xora', null],
      ['config/prod.env', 'NEXORA_KEY', 'nexora', null],
      ['config/prod.env', 'XEROTIER_KEY', 'xerotier', null],
    ]);
    expect(findings.find((f) => f.providerId === 'xerotier')?.org).toBe('my-project');
  });

  it('scan never shows a found secret', async () => {
    const shown = JSON.stringify((await scanFolder(tree(), NO_VAULT)).findings.map(toDisplay));
    for (const secret of Object.values(keys)) expect(shown).not.toContain(secret);
  });

  it('classifies by fingerprint and plans an import to the one instance that fits', async () => {
    const live = instance({ id: 'live', name: 'live', env: 'production' });
    const doc: VaultDocument = {
      ...emptyVaultDocument(),
      instances: [live, instance({ id: 'x1', provider: 'xora', name: 'a', env: 'sandbox' }), instance({ id: 'x2', provider: 'xora', name: 'b', env: 'production' })],
      keys: [{ id: 'k', instanceId: 'live', name: 'stored', maskedKey: 'sk_live_…', fingerprint: fingerprintOf(keys.noraLive), createdAt: new Date(0).toISOString(), status: 'active', targets: [] }],
    };
    const classified = classifyFindings((await scanFolder(tree(), NO_VAULT)).findings, doc);
    expect(classified.filter((c) => c.known).map((c) => (c.known ? c.keyRef : ''))).toEqual(['nora/acme/live/stored', 'nora/acme/live/stored']);
    const plan = planImport(classified, doc);
    const reasons = Object.fromEntries(plan.map((p) => [p.findings[0]?.providerId === 'nora' ? 'nora-sandbox' : (p.findings[0]?.providerId ?? ''), p.problem]));
    expect(reasons['nora-sandbox']).toEqual({ code: 'scan.no-instance', provider: 'nora', env: 'sandbox' });
    expect(reasons.xora).toEqual({ code: 'scan.several-instances', count: 2, instances: ['xora/acme/a', 'xora/acme/b'] });
    expect(reasons.nexora).toEqual({ code: 'scan.no-instance', provider: 'nexora' });
  });

  it('plans one key with two targets for the same secret in two files, named after the variable', async () => {
    const root = tree();
    writeFileSync(join(root, 'config', 'copy.env'), `OTHER_NEXORA=${keys.nexora}\n`);
    const doc: VaultDocument = { ...emptyVaultDocument(), instances: [instance({ id: 'n', provider: 'nexora', name: 'self', env: 'production' })] };
    const [nexora] = planImport(classifyFindings((await scanFolder(root, NO_VAULT)).findings, doc), doc).filter((p) => p.instance?.id === 'n');
    expect(nexora?.name).toBe('other-nexora');
    expect(nexora?.targets.map((t) => t.variable).sort()).toEqual(['NEXORA_KEY', 'OTHER_NEXORA']);
  });

  describe('scan never follows a link or opens a special file', () => {
    async function scanWithSkips(root: string, maxFileBytes?: number) {
      const skipped: SkippedFile[] = [];
      const { findings } = await scanFolder(root, { ...NO_VAULT, maxFileBytes, onSkip: (s) => skipped.push(s) });
      return { findings, skipped: skipped.map((s) => [s.file.slice(root.length + 1), s.problem]) };
    }

    it('skips a symbolic link to a FIFO and a FIFO itself, and says why, without waiting for a writer', async () => {
      const root = tree();
      const outside = mkdtempSync(join(tmpdir(), 'keyturn-scan-out-'));
      dirs.push(outside);
      execFileSync('mkfifo', [join(outside, 'pipe')]);
      execFileSync('mkfifo', [join(root, 'fifo.env')]);
      symlinkSync(join(outside, 'pipe'), join(root, '.env.pipe'));
      const { findings, skipped } = await scanWithSkips(root);
      expect(findings).toHaveLength(IN_TREE);
      expect(skipped).toEqual([
        ['.env.pipe', { code: 'scan.symbolic-link' }],
        ['fifo.env', { code: 'scan.not-regular-file', kind: 'a named pipe (FIFO)' }],
      ]);
    });

    it('skips a symbolic link to a large file: the cap is on the file read, not on the link', async () => {
      const root = tree();
      const outside = mkdtempSync(join(tmpdir(), 'keyturn-scan-out-'));
      dirs.push(outside);
      const big = join(outside, 'big.env');
      writeFileSync(big, `XORA_API_KEY=${sampleKeys.xora()}\n`);
      truncateSync(big, 300 * 1024 * 1024);
      symlinkSync(big, join(root, '.env.big'));
      const { findings, skipped } = await scanWithSkips(root);
      expect(findings).toHaveLength(IN_TREE);
      expect(skipped).toEqual([['.env.big', { code: 'scan.symbolic-link' }]]);
    });

    it('skips a symbolic link to a small .env in the tree too: a found file becomes a swap target, and a target is never a link', async () => {
      const root = tree();
      symlinkSync(join(root, '.env'), join(root, '.env.link'));
      symlinkSync(join(root, 'config'), join(root, 'config-link'));
      const { findings, skipped } = await scanWithSkips(root);
      expect(findings.map((f) => f.file.slice(root.length + 1))).not.toContain('.env.link');
      expect(findings).toHaveLength(IN_TREE);
      // A link to a folder is never entered either, and is reported like any link.
      expect(skipped).toEqual([
        ['.env.link', { code: 'scan.symbolic-link' }],
        ['config-link', { code: 'scan.symbolic-link' }],
      ]);
    });

    it('reads a regular file up to the cap and skips a larger one, saying so', async () => {
      const root = tree();
      const line = `NEXORA_KEY=${sampleKeys.nexora()}\n`;
      writeFileSync(join(root, 'exact.env'), line.padEnd(100, '#'));
      writeFileSync(join(root, 'over.env'), line.padEnd(101, '#'));
      const { findings, skipped } = await scanWithSkips(root, 100);
      expect(findings.map((f) => f.file.slice(root.length + 1))).toContain('exact.env');
      expect(skipped.filter(([file]) => file === 'over.env')).toEqual([['over.env', { code: 'scan.file-unread', reason: 'larger than 100 bytes' }]]);
    });
  });
});
