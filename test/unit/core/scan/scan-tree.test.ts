import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanFolder, THREADED_FROM_FILES, type SkippedFile } from '../../../../electron/core/node/scan/scan-folder.js';
import { sampleKeys } from '../../../support/keys.js';

const NO_VAULT = { customProviders: [], vaultKeys: [] };

describe('tree scan', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  function folder(files: Record<string, string | Buffer>): string {
    const root = mkdtempSync(join(tmpdir(), 'keyturn-scan-tree-'));
    dirs.push(root);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    return root;
  }
  async function scan(root: string, threads?: number) {
    const skipped: SkippedFile[] = [];
    const result = await scanFolder(root, { matcher: NO_VAULT, threads, onSkip: (s) => skipped.push(s) });
    return { ...result, skipped: skipped.map((s) => [s.file.slice(root.length + 1), s.problem.code]), found: result.findings.map((f) => f.path) };
  }

  it('honours nested .gitignore files as git does: negations, folder patterns, a deeper file overriding a shallower one', async () => {
    const key = () => `KEY=${sampleKeys.nexora()}\n`;
    const root = folder({
      '.gitignore': '*.secret\n!keep.secret\nbuild/\nlogs/\n',
      'a.secret': key(),
      'keep.secret': key(),
      'build/out.js': key(),
      // `logs/` names folders only: a file called logs is read.
      logs: key(),
      'sub/.gitignore': '!build/\nlocal.txt\n',
      'sub/build/gen.js': key(),
      'sub/local.txt': key(),
      'sub/x/local.txt': key(),
      'other/local.txt': key(),
    });
    const { found } = await scan(root);
    expect(found).toEqual(['keep.secret', 'logs', 'other/local.txt', 'sub/build/gen.js']);
  });

  it('honours .git/info/exclude when the root is a repository\'s top, and not a .gitignore inside .git', async () => {
    const root = folder({ 'private/notes.md': `key ${sampleKeys.xora()}\n`, 'public.md': `key ${sampleKeys.xora()}\n` });
    execFileSync('git', ['init', '-q', root]);
    writeFileSync(join(root, '.git', 'info', 'exclude'), '# local\nprivate/\n');
    expect((await scan(root)).found).toEqual(['public.md']);
  });

  it('honours the main repository\'s info/exclude from a linked worktree (a .git file)', async () => {
    const root = folder({ 'private/notes.md': `key ${sampleKeys.xora()}\n`, 'public.md': `key ${sampleKeys.xora()}\n` });
    const main = folder({});
    mkdirSync(join(main, '.git', 'worktrees', 'wt', 'x'), { recursive: true });
    mkdirSync(join(main, '.git', 'info'));
    writeFileSync(join(main, '.git', 'info', 'exclude'), 'private/\n');
    writeFileSync(join(main, '.git', 'worktrees', 'wt', 'commondir'), '../..\n');
    writeFileSync(join(root, '.git'), `gitdir: ${join(main, '.git', 'worktrees', 'wt')}\n`);
    expect((await scan(root)).found).toEqual(['public.md']);
  });

  it('skips binary files (a NUL in the first 8000 bytes) and does not count them as read', async () => {
    const root = folder({ 'image.png': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.from(`${sampleKeys.xora()}`)]), 'text.md': `${sampleKeys.xora()}\n` });
    const { found, scannedFiles } = await scan(root);
    expect(found).toEqual(['text.md']);
    expect(scannedFiles).toEqual([join(root, 'text.md')]);
  });

  it('counts columns in UTF-16 code units of the decoded UTF-8 text', async () => {
    const key = sampleKeys.nora('production');
    const root = folder({ 'notes.md': `première ligne\n🔑 clé: ${key}\n` });
    const [finding] = (await scan(root)).findings;
    expect([finding?.line, finding?.column]).toEqual([2, '🔑 clé: '.length + 1]);
  });

  describe('a large tree, read by worker threads, gives what one thread reads', () => {
    function largeTree() {
      const files: Record<string, string | Buffer> = { '.gitignore': 'ignored/\n', 'ignored/k.js': `k = "${sampleKeys.xora()}"\n`, 'node_modules/m/k.js': `k = "${sampleKeys.xora()}"\n` };
      for (let i = 0; i < THREADED_FROM_FILES + 150; i++) {
        const dir = `pkg${i % 7}/src`;
        const body = `export const value${i} = ${i};\n`.repeat(20);
        if (i % 50 === 3) files[`${dir}/.env.${i}`] = `A=1\nSERVICE_KEY=${sampleKeys.nexora()}\nREF=keyturn://xora/acme/main/ci\n`;
        else if (i % 40 === 5) files[`${dir}/f${i}.ts`] = `${body}// ünïcode: const key = "${sampleKeys.xerotier('my-project')}";\n`;
        else if (i % 60 === 7) files[`${dir}/f${i}.bin`] = Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(sampleKeys.xora())]);
        else files[`${dir}/f${i}.ts`] = body;
      }
      files['pkg0/big.txt'] = 'x'.repeat(5000);
      const root = folder(files);
      symlinkSync(join(root, 'pkg1'), join(root, 'link-to-pkg1'));
      execFileSync('mkfifo', [join(root, 'pkg2', 'fifo')]);
      return root;
    }

    it('the same findings, references, files read and skips, in the same order, with or without threads', async () => {
      const root = largeTree();
      const skip = async (threads: number) => {
        const skipped: SkippedFile[] = [];
        const result = await scanFolder(root, { matcher: NO_VAULT, threads, maxFileBytes: 4000, onSkip: (s) => skipped.push(s) });
        return { ...result, skipped };
      };
      const threaded = await skip(2);
      const here = await skip(0);
      const display = (r: typeof here) => ({
        findings: r.findings.map((f) => [f.path, f.line, f.column, f.variable, f.providerId, f.fingerprint]),
        references: r.references,
        scannedFiles: r.scannedFiles,
        skipped: r.skipped.map((s) => [s.file.slice(root.length + 1), s.problem]),
      });
      expect(display(threaded)).toEqual(display(here));
      expect(threaded.findings.length).toBeGreaterThan(10);
      expect(threaded.findings.filter((f) => f.variable === 'SERVICE_KEY').length).toBe(threaded.references.length);
      expect(threaded.findings.some((f) => f.path.startsWith('ignored/') || f.path.startsWith('node_modules/') || f.path.endsWith('.bin'))).toBe(false);
      expect(display(threaded).skipped).toEqual([
        ['link-to-pkg1', { code: 'scan.symbolic-link' }],
        ['pkg0/big.txt', { code: 'scan.file-unread', reason: 'larger than 4000 bytes' }],
        ['pkg2/fifo', { code: 'scan.not-regular-file', kind: 'a named pipe (FIFO)' }],
      ]);
    });
  });
});
