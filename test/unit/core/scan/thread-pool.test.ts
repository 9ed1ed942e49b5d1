import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FilePassPool } from '../../../../electron/core/node/scan/tree/thread-pool.js';
import { keyMatcher } from '../../../../electron/core/scan/key-matcher.js';
import { sampleKeys } from '../../../support/keys.js';

describe('FilePassPool', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('worker threads pass the files (the worker program runs from these sources), as this thread does', async () => {
    const root = mkdtempSync(join(tmpdir(), 'keyturn-pool-'));
    dirs.push(root);
    mkdirSync(join(root, 'd'));
    const key = sampleKeys.xora();
    writeFileSync(join(root, 'd', 'key.ts'), `const k = "${key}";\n`);
    writeFileSync(join(root, 'd', 'plain.ts'), 'const k = 1;\n');
    writeFileSync(join(root, 'd', 'utf8.md'), `é ${sampleKeys.nexora()}\n`);
    writeFileSync(join(root, 'd', 'bin'), Buffer.from([1, 0, 2]));
    writeFileSync(join(root, 'd', 'big'), 'x'.repeat(101));
    symlinkSync(join(root, 'd', 'key.ts'), join(root, 'd', 'link'));
    const files = ['key.ts', 'plain.ts', 'utf8.md', 'bin', 'big', 'link', 'missing'].map((f) => join(root, 'd', f));
    const settings = { maxBytes: 100, firstPass: keyMatcher({ customProviders: [], vaultKeys: [] }).firstPass };
    const threads = new FilePassPool(2, settings);
    const here = new FilePassPool(0, settings);
    try {
      const [a, b] = await Promise.all([threads.pass(files.slice(0, 4)), threads.pass(files.slice(4))]);
      const passed = [...(a ?? []), ...(b ?? [])];
      expect(threads.answeredByThreads).toBe(2);
      expect(passed).toEqual(await here.pass(files));
      expect(here.answeredByThreads).toBe(0);
      expect(passed).toEqual([
        { kind: 'text', text: `const k = "${key}";\n` },
        { kind: 'text', text: null },
        { kind: 'text', text: expect.stringContaining('é nxr_') },
        { kind: 'binary' },
        { kind: 'unread', reason: 'larger than 100 bytes' },
        { kind: 'unread', reason: 'a symbolic link, not followed' },
        { kind: 'unread', reason: 'could not be opened (ENOENT)' },
      ]);
    } finally {
      await Promise.all([threads.close(), here.close()]);
    }
  });
});
