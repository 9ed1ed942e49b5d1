import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { problem, ProblemError } from '../../../../electron/core/domain/problems/problem-error.js';
import { inspectOutput, refuseForeign, writeOutput } from '../../../../electron/core/node/inject/output-file.js';
import { ownerOf, ownershipRecordPath, recordOwnership } from '../../../../electron/core/node/inject/ownership.js';
import { checkTarget, writeTarget } from '../../../../electron/core/node/targets/registry.js';
import type { SwapKeys } from '../../../../electron/core/targets/kind-module.js';
import type { Target } from '../../../../electron/core/targets/kinds.js';

const OLD = 'nxr_OLDKEY0123456789abcdefghijklmn';
const NEW = 'nxr_NEWKEY0123456789abcdefghijklmn';
const OTHER = 'nxr_OTHERKEY0123456789abcdefghijkl';
const clock = () => new Date('2026-12-01T12:00:00Z');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'keyturn-inject-'));
  dirs.push(d);
  return d;
}

describe('a rendered file and the record that it is Keyturn\'s', () => {
  it('writes mode 0600 atomically (no temporary file left) and records a hash of what was written, never the content', async () => {
    const d = dir();
    const output = join(d, 'app.yml');
    await writeOutput({ now: await inspectOutput(output), text: `key: ${NEW}\n`, template: join(d, 't'), clock });
    expect(readFileSync(output, 'utf8')).toBe(`key: ${NEW}\n`);
    expect(statSync(output).mode & 0o777).toBe(0o600);
    expect(statSync(ownershipRecordPath(output)).mode & 0o777).toBe(0o600);
    expect(readFileSync(ownershipRecordPath(output), 'utf8')).not.toContain(NEW);
    expect(readdirSync(d).sort()).toEqual(['.app.yml.keyturn-injected', 'app.yml']);
    expect(await inspectOutput(output)).toMatchObject({ exists: true, owner: 'keyturn' });
  });

  it('forbids replacing a file with no record, one edited since, or one with a damaged record', async () => {
    const d = dir();
    const output = join(d, 'app.yml');
    writeFileSync(output, 'mine\n');
    expect(await ownerOf(output, 'mine\n')).toBe('not-recorded');
    expect(() => refuseForeign({ exists: true, path: output, text: 'mine\n', sha256: '', stats: statSync(output), owner: 'not-recorded' })).toThrow(
      new ProblemError(problem('inject.output-foreign', { field: 'file', path: output, why: 'not-recorded' })),
    );
    await recordOwnership(output, 'rendered\n', null, undefined, clock());
    expect(await ownerOf(output, 'rendered\n')).toBe('keyturn');
    expect(await ownerOf(output, 'rendered\nedited\n')).toBe('edited');
    writeFileSync(ownershipRecordPath(output), '{"kind":"keyturn-injected","sha256":"nope"}');
    expect(await ownerOf(output, 'rendered\n')).toBe('not-recorded');
  });

  it('records before it writes: a write stopped between the two leaves the file Keyturn\'s, whichever content it holds', async () => {
    const d = dir();
    const output = join(d, 'app.yml');
    await writeOutput({ now: await inspectOutput(output), text: 'first\n', clock });
    await recordOwnership(output, 'second\n', (await inspectOutput(output).then((n) => (n.exists ? n.sha256 : null))) ?? null, undefined, clock());
    // The process died here: the record names the next content, the file still holds the first.
    expect(await ownerOf(output, 'first\n')).toBe('keyturn');
    expect(await ownerOf(output, 'second\n')).toBe('keyturn');
  });

  it('forbids taking a name a file took after the check, and replacing a file swapped in after the check', async () => {
    const d = dir();
    const output = join(d, 'app.yml');
    const absent = await inspectOutput(output);
    writeFileSync(output, 'appeared\n');
    await expect(writeOutput({ now: absent, text: 'render\n', clock })).rejects.toMatchObject({ problem: { code: 'inject.output-foreign', why: 'not-recorded' } });
    expect(readFileSync(output, 'utf8')).toBe('appeared\n');

    const checked = await inspectOutput(output);
    rmSync(output);
    writeFileSync(output, 'swapped in\n');
    await expect(writeOutput({ now: checked, text: 'render\n', clock })).rejects.toMatchObject({ problem: { code: 'inject.output-foreign', why: 'edited' } });
    expect(readFileSync(output, 'utf8')).toBe('swapped in\n');
    expect(readdirSync(d).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the inject swap target', () => {
  /** A template naming the rotated key (by name) and another key; the vault resolves as a rotation would. */
  function setUp(resolve?: SwapKeys['resolveReference']) {
    const d = dir();
    const template = join(d, 'app.tpl');
    const output = join(d, 'app.yml');
    writeFileSync(template, 'a: {{ keyturn://nexora/acme/prod/api }}\nb: "{{ keyturn://nexora/acme/prod/other }}"\n');
    const target: Target = { id: 't1', kind: 'inject', template, output };
    const keys: SwapKeys = {
      oldSecret: OLD,
      newSecret: NEW,
      keyId: 'k-api',
      resolveReference:
        resolve ?? (async (reference) => (reference.endsWith('/api') ? { keyId: 'k-api', secret: async () => OLD } : { keyId: 'k-other', secret: async () => OTHER })),
    };
    const swap = { ...keys, backupTag: 'rot1', hasBackup: () => false, backups: [] as string[], onBackup: async (path: string) => void swap.backups.push(path) };
    return { d, template, output, target, keys, swap };
  }

  it('renders the template again with the new key in place of the rotated one and the other keys as the vault holds them, backing up the previous file', async () => {
    const { output, target, keys, swap } = setUp();
    writeFileSync(output, `a: ${OLD}\nb: "${OTHER}"\n`);
    expect(await checkTarget(target, keys)).toBeNull();
    expect(await writeTarget(target, swap)).toEqual({ ok: true, detail: 'rendered again with the new key' });
    expect(readFileSync(output, 'utf8')).toBe(`a: ${NEW}\nb: "${OTHER}"\n`);
    expect(swap.backups).toEqual([`${output}.keyturn-backup-rot1`]);
    expect(readFileSync(`${output}.keyturn-backup-rot1`, 'utf8')).toBe(`a: ${OLD}\nb: "${OTHER}"\n`);
    expect(statSync(`${output}.keyturn-backup-rot1`).mode & 0o777).toBe(0o600);
    expect(await writeTarget(target, swap)).toEqual({ ok: true, detail: 'already holds the new key' });
  });

  it('forbids a swap into a file that holds something else and that Keyturn did not write: checked and refused, nothing written', async () => {
    const { output, target, keys, swap } = setUp();
    writeFileSync(output, 'a person wrote this\n');
    expect(await checkTarget(target, keys)).toContain('was not written by Keyturn');
    expect(await writeTarget(target, swap)).toMatchObject({ ok: false });
    expect(readFileSync(output, 'utf8')).toBe('a person wrote this\n');
    expect(swap.backups).toEqual([]);
  });

  it('forbids a render with a reference that no longer resolves, naming the template line, in words that carry no secret', async () => {
    const { output, target, keys, swap, template } = setUp(async (reference, use) => {
      if (reference.endsWith('/other')) throw new ProblemError(problem('reference.key-missing', { field: 'ref', reference, missing: 'key', ...use }));
      return { keyId: 'k-api', secret: async () => OLD };
    });
    const reason = await checkTarget(target, keys);
    expect(reason).toBe(`${template}:2: keyturn://nexora/acme/prod/other names nothing in this vault`);
    const written = await writeTarget(target, swap);
    expect(written.ok).toBe(false);
    expect(JSON.stringify(written)).not.toContain(NEW);
    expect(readdirSync(join(output, '..')).sort()).toEqual(['app.tpl']);
  });
});
