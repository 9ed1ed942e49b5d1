import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, lstatSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDotenvTarget, writeDotenvTarget } from '../../../../../../electron/core/node/targets/kinds/dotenv/file-write.js';

describe('writeDotenvTarget', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'keyturn-dotenv-'));
    dirs.push(d);
    return d;
  };

  it("keeps the file's mode and keeps a 0600 backup of the previous bytes", async () => {
    const file = join(dir(), '.env');
    writeFileSync(file, 'A=1\nK=old\n');
    chmodSync(file, 0o640);
    const result = await writeDotenvTarget({ file, variable: 'K', value: 'new', backupTag: 'r1' });
    expect(readFileSync(file, 'utf8')).toBe('A=1\nK=new\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(result.backupPath).toBe(`${file}.keyturn-backup-r1`);
    expect(readFileSync(`${file}.keyturn-backup-r1`, 'utf8')).toBe('A=1\nK=old\n');
    expect(statSync(`${file}.keyturn-backup-r1`).mode & 0o777).toBe(0o600);
  });

  it('writes through a symlink to the target the person accepted; the link stays a link', async () => {
    const d = dir();
    const real = join(d, 'real.env');
    const link = join(d, '.env');
    writeFileSync(real, 'K=old\n');
    symlinkSync(real, link);
    await writeDotenvTarget({ file: link, variable: 'K', value: 'new', expectedResolved: real });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('K=new\n');
  });

  it('refuses to overwrite a file that changed since it was read, leaving it untouched', async () => {
    const file = join(dir(), '.env');
    writeFileSync(file, 'K=old\n');
    const read = await readDotenvTarget(file, 'K');
    writeFileSync(file, 'K=someone-else\n');
    await expect(writeDotenvTarget({ file, variable: 'K', value: 'new', expectedSha256: read.sha256 })).rejects.toMatchObject({ problem: { code: 'target.file.changed', path: file } });
    expect(readFileSync(file, 'utf8')).toBe('K=someone-else\n');
  });

  it('refuses a missing file', async () => {
    await expect(writeDotenvTarget({ file: join(dir(), 'nope.env'), variable: 'K', value: 'v' })).rejects.toMatchObject({ problem: { code: 'target.file.missing' } });
  });

  it('never puts the value in an error message', async () => {
    const file = join(dir(), '.env');
    writeFileSync(file, 'K=old\n');
    const error = await writeDotenvTarget({ file, variable: 'K', value: 'sk_live_SECRET\nX', expectedSha256: undefined }).catch((e: unknown) => e);
    expect(String(error)).not.toContain('sk_live_SECRET');
  });
});
