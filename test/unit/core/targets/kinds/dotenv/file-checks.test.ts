import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, constants, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TargetRefusal } from '../../../../../../electron/core/domain/problems/targets.js';
import { refusalReason } from '../../../../../../electron/core/targets/reasons.js';
import { checkDotenvFile } from '../../../../../../electron/core/node/targets/kinds/dotenv/file-checks.js';
import { readDotenvTarget, writeDotenvTarget } from '../../../../../../electron/core/node/targets/kinds/dotenv/file-write.js';
import { inspectTargetFile, makeTarget } from '../../../../../../electron/core/node/vault/target-ops.js';

/** A refusal in the words the rotation's journal keeps (the wording hosts build on). */
const reason = (check: { refusal: TargetRefusal | null }) => (check.refusal ? refusalReason(check.refusal) : null);
/** A promise rejected with the problem `code` (and these parameters). */
const problem = (code: string, params: Record<string, unknown> = {}) => ({ problem: { code, ...params } });

describe('swap target file checks', () => {
  const dirs: string[] = [];
  const fifos: string[] = [];
  afterEach(() => {
    // A reader blocked on a FIFO (what the old code did) is released by opening its write end.
    for (const fifo of fifos.splice(0)) {
      try {
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // no reader waiting
      }
    }
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'keyturn-checks-'));
    dirs.push(d);
    return d;
  };
  const envFile = (text = 'K=old\n') => {
    const file = join(dir(), '.env');
    writeFileSync(file, text);
    return file;
  };
  const fifo = () => {
    const path = join(dir(), '.env');
    execFileSync('mkfifo', [path]);
    fifos.push(path);
    return path;
  };

  it('accepts a regular writable file with one name', async () => {
    const file = envFile();
    expect(await checkDotenvFile(file)).toMatchObject({ path: file, resolved: file, throughLink: false, refusal: null });
  });

  it('forbids a device node: /dev/null is refused and stays a device', async () => {
    expect(reason(await checkDotenvFile('/dev/null'))).toMatch(/\/dev\/null is a device, not a regular file/);
    await expect(writeDotenvTarget({ file: '/dev/null', variable: 'K', value: 'new', createVariable: true })).rejects.toMatchObject(problem('target.file.not-regular', { what: 'a device' }));
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('forbids a FIFO without opening it (no hang) and leaves it a FIFO', { timeout: 5_000 }, async () => {
    const path = fifo();
    expect(reason(await checkDotenvFile(path))).toMatch(/is a named pipe \(FIFO\)/);
    await expect(readDotenvTarget(path, 'K')).rejects.toMatchObject(problem('target.file.not-regular'));
    await expect(writeDotenvTarget({ file: path, variable: 'K', value: 'new' })).rejects.toMatchObject(problem('target.file.not-regular', { what: 'a named pipe (FIFO)' }));
    expect(lstatSync(path).isFIFO()).toBe(true);
  });

  it('forbids a folder', async () => {
    const folder = join(dir(), '.env');
    mkdirSync(folder);
    expect(reason(await checkDotenvFile(folder))).toMatch(/is a folder, not a regular file/);
    await expect(writeDotenvTarget({ file: folder, variable: 'K', value: 'new' })).rejects.toMatchObject(problem('target.file.not-regular', { what: 'a folder' }));
  });

  it('forbids writing through a link the person did not accept', async () => {
    const d = dir();
    const real = join(d, 'real.env');
    const link = join(d, '.env');
    writeFileSync(real, 'K=old\n');
    symlinkSync(real, link);
    expect(await checkDotenvFile(link)).toMatchObject({ path: link, resolved: real, throughLink: true, refusal: null });
    await expect(writeDotenvTarget({ file: link, variable: 'K', value: 'new' })).rejects.toMatchObject(problem('target.file.moved', { path: link, now: real }));
    expect(refusalReason({ code: 'target.file.moved', field: 'file', path: link, now: real })).toBe(`${link} now leads to ${real} but was no link when the target was added: not written; point it back (then resume), or remove the target and add it again to accept where it leads now`);
    expect(readFileSync(real, 'utf8')).toBe('K=old\n');
  });

  it('forbids writing through a link re-pointed since it was accepted', async () => {
    const d = dir();
    const accepted = join(d, 'accepted.env');
    const other = join(d, 'other.env');
    const link = join(d, '.env');
    writeFileSync(accepted, 'K=old\n');
    writeFileSync(other, 'K=old\n');
    symlinkSync(other, link);
    await expect(writeDotenvTarget({ file: link, variable: 'K', value: 'new', expectedResolved: accepted })).rejects.toMatchObject(problem('target.file.moved', { now: other, was: accepted }));
    expect(readFileSync(other, 'utf8')).toBe('K=old\n');
  });

  it('forbids splitting a hard link: refused, both names keep the same file', async () => {
    const file = envFile();
    const second = join(dir(), 'second.env');
    linkSync(file, second);
    expect(reason(await checkDotenvFile(file))).toMatch(/has 2 hard links: replacing it would leave the other names holding the old key/);
    await expect(writeDotenvTarget({ file, variable: 'K', value: 'new' })).rejects.toMatchObject(problem('target.file.hard-links', { links: 2 }));
    expect(statSync(file).ino).toBe(statSync(second).ino);
    expect(readFileSync(second, 'utf8')).toBe('K=old\n');
  });

  it('forbids replacing a read-only file: refused, content and mode kept', async () => {
    const file = envFile();
    chmodSync(file, 0o444);
    expect(reason(await checkDotenvFile(file))).toMatch(/is read-only \(mode 0444\)/);
    await expect(writeDotenvTarget({ file, variable: 'K', value: 'new' })).rejects.toMatchObject(problem('target.file.read-only', { mode: '0444' }));
    expect(readFileSync(file, 'utf8')).toBe('K=old\n');
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('forbids appending a missing variable unless the target allows it', async () => {
    const file = envFile('OTHER=1\n');
    await expect(writeDotenvTarget({ file, variable: 'K', value: 'new' })).rejects.toMatchObject(problem('target.variable.missing', { path: file, variable: 'K' }));
    expect(readFileSync(file, 'utf8')).toBe('OTHER=1\n');
    await writeDotenvTarget({ file, variable: 'K', value: 'new', createVariable: true });
    expect(readFileSync(file, 'utf8')).toBe('OTHER=1\nK=new\n');
  });

  it('refuses a link that leads nowhere', async () => {
    const link = join(dir(), '.env');
    symlinkSync(join(dir(), 'gone.env'), link);
    expect(reason(await checkDotenvFile(link))).toMatch(/a link that leads nowhere/);
  });
});

describe('makeTarget', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'keyturn-target-'));
    dirs.push(d);
    return d;
  };

  it('stores a ../ path resolved to where it really is', async () => {
    const root = dir();
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    writeFileSync(join(root, 'x.env'), 'K=old\n');
    const target = await makeTarget({ kind: 'dotenv', file: '../../x.env', variable: 'K' }, 'id1', join(root, 'a', 'b'));
    expect(target).toEqual({ id: 'id1', kind: 'dotenv', file: join(root, 'x.env'), variable: 'K' });
    expect(await inspectTargetFile('../../x.env', join(root, 'a', 'b'))).toEqual({ path: join(root, 'x.env'), resolved: join(root, 'x.env'), throughLink: false, refusal: null, missing: false });
  });

  it('forbids a link without confirmation of where it leads, and records the confirmed target', async () => {
    const root = dir();
    const real = join(root, 'real.env');
    const link = join(root, '.env');
    writeFileSync(real, 'K=old\n');
    symlinkSync(real, link);
    await expect(makeTarget({ kind: 'dotenv', file: link, variable: 'K' }, 'id1', root)).rejects.toMatchObject(problem('target.needs-consent', { consent: 'follow-link', path: link, resolved: real }));
    await expect(makeTarget({ kind: 'dotenv', file: link, variable: 'K', confirmLinkTo: join(root, 'elsewhere.env') }, 'id1', root)).rejects.toMatchObject(problem('target.needs-consent', { consent: 'follow-link', confirmed: join(root, 'elsewhere.env') }));
    expect(await makeTarget({ kind: 'dotenv', file: link, variable: 'K', confirmLinkTo: real }, 'id1', root)).toEqual({ id: 'id1', kind: 'dotenv', file: link, variable: 'K', linkTo: real });
  });

  it('forbids a file without the variable unless createVariable', async () => {
    const root = dir();
    writeFileSync(join(root, '.env'), 'OTHER=1\n');
    await expect(makeTarget({ kind: 'dotenv', file: '.env', variable: 'K' }, 'id1', root)).rejects.toMatchObject(problem('target.needs-consent', { consent: 'create-variable', variable: 'K' }));
    expect(await makeTarget({ kind: 'dotenv', file: '.env', variable: 'K', createVariable: true }, 'id1', root)).toMatchObject({ createVariable: true });
  });

  it('forbids special and read-only files at add time', async () => {
    const root = dir();
    writeFileSync(join(root, 'ro.env'), 'K=old\n');
    chmodSync(join(root, 'ro.env'), 0o444);
    await expect(makeTarget({ kind: 'dotenv', file: '/dev/null', variable: 'K', createVariable: true }, 'id1', root)).rejects.toMatchObject(problem('target.file.not-regular', { what: 'a device' }));
    await expect(makeTarget({ kind: 'dotenv', file: root, variable: 'K', createVariable: true }, 'id1', root)).rejects.toMatchObject(problem('target.file.not-regular', { what: 'a folder' }));
    await expect(makeTarget({ kind: 'dotenv', file: 'ro.env', variable: 'K' }, 'id1', root)).rejects.toMatchObject(problem('target.file.read-only'));
    await expect(makeTarget({ kind: 'dotenv', file: 'missing.env', variable: 'K' }, 'id1', root)).rejects.toMatchObject(problem('target.needs-consent', { consent: 'create-file', path: join(root, 'missing.env') }));
    unlinkSync(join(root, 'ro.env'));
  });
});
