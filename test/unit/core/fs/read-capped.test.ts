import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCappedRegularFile } from '../../../../electron/core/node/fs/read-capped.js';

/** The checks are on the opened handle, so a path swapped after the folder was listed is still refused. */
describe('readCappedRegularFile', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyturn-read-'));
    dirs.push(dir);
    return dir;
  };

  it('never follows a symbolic link, even to a small regular file', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'real.env'), 'A=1\n');
    symlinkSync(join(dir, 'real.env'), join(dir, 'link.env'));
    expect(await readCappedRegularFile(join(dir, 'link.env'), 1024)).toEqual({ ok: false, reason: 'a symbolic link, not followed' });
  });

  it('never waits on a FIFO: it is opened without blocking and refused as no regular file', async () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, 'fifo.env')]);
    expect(await readCappedRegularFile(join(dir, 'fifo.env'), 1024)).toEqual({ ok: false, reason: 'not a regular file' });
  });

  it('reads a file of exactly the cap and refuses one byte more', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.env'), 'x'.repeat(10));
    writeFileSync(join(dir, 'b.env'), 'x'.repeat(11));
    expect(await readCappedRegularFile(join(dir, 'a.env'), 10)).toEqual({ ok: true, text: 'x'.repeat(10) });
    expect(await readCappedRegularFile(join(dir, 'b.env'), 10)).toEqual({ ok: false, reason: 'larger than 10 bytes' });
  });
});
