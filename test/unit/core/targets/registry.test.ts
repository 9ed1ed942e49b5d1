import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeTarget } from '../../../../electron/core/targets/describe.js';
import { newTargetSchema, TARGET_KIND_DEFINITIONS, targetSchema, type NewTargetOf, type TargetKind } from '../../../../electron/core/targets/kinds.js';
import { checkTarget, makeTargetOfKind, sameTarget, TARGET_KINDS, writeTarget } from '../../../../electron/core/node/targets/registry.js';
import type { SwapKeys, TargetKey } from '../../../../electron/core/targets/kind-module.js';

const OLD = 'nxr_OLDKEY0123456789abcdefghijklmn';
const NEW = 'nxr_NEWKEY0123456789abcdefghijklmn';
const KEY_ID = 'key-backend';

/** The key the targets are for, as the vault gives it to a kind: the fixtures' one reference names it. */
const KEY: TargetKey = { keyId: KEY_ID, ref: 'nexora/acme/prod/backend', keyIdOf: () => KEY_ID };
/** The keys a swap moves between, as the rotation gives them (every reference names the rotated key). */
const KEYS: SwapKeys = { oldSecret: OLD, newSecret: NEW, keyId: KEY_ID, resolveReference: async () => ({ keyId: KEY_ID, secret: async () => OLD }) };

/**
 * One working target of each kind: what a person gives in `dir`, where the key lands, and how to
 * break it so the swap must refuse it. Typed by kind, so a new kind cannot be registered without one.
 */
const FIXTURES: { [K in TargetKind]: { input(dir: string): NewTargetOf<K>; holds(dir: string): string; spoil(dir: string): void } } = {
  dotenv: {
    input: (dir) => {
      writeFileSync(join(dir, '.env'), `A=1\nAPI_KEY=${OLD}\n`);
      return { kind: 'dotenv', file: '.env', variable: 'API_KEY' };
    },
    holds: (dir) => readFileSync(join(dir, '.env'), 'utf8'),
    spoil: (dir) => unlinkSync(join(dir, '.env')),
  },
  command: {
    input: (dir) => {
      const program = join(dir, 'store-key');
      writeFileSync(program, `#!/bin/sh\ncat > ${JSON.stringify(join(dir, 'stored'))}\n`, { mode: 0o755 });
      return { kind: 'command', command: './store-key', args: [] };
    },
    holds: (dir) => readFileSync(join(dir, 'stored'), 'utf8'),
    spoil: (dir) => unlinkSync(join(dir, 'store-key')),
  },
  inject: {
    input: (dir) => {
      writeFileSync(join(dir, 'app.yml.tpl'), 'api_key: "{{ keyturn://nexora/acme/prod/backend }}"\n');
      writeFileSync(join(dir, 'app.yml'), `api_key: "${OLD}"\n`, { mode: 0o600 });
      return { kind: 'inject', template: 'app.yml.tpl', output: 'app.yml' };
    },
    holds: (dir) => readFileSync(join(dir, 'app.yml'), 'utf8'),
    spoil: (dir) => unlinkSync(join(dir, 'app.yml.tpl')),
  },
};

describe('the swap-target kinds registry', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'keyturn-kinds-'));
    dirs.push(d);
    return d;
  };
  const kinds = TARGET_KIND_DEFINITIONS.map((d) => d.kind);
  const swap = { ...KEYS, backupTag: 'test', hasBackup: () => false, onBackup: async () => undefined };

  it('has a module for every defined kind, and nothing else', () => {
    expect(Object.keys(TARGET_KINDS).sort()).toEqual([...kinds].sort());
    expect(Object.keys(FIXTURES).sort()).toEqual([...kinds].sort());
  });

  it.each(kinds)('%s: makes a target the vault stores, describes it, checks it and writes the new key to it', async (kind) => {
    const d = dir();
    const input = newTargetSchema.parse(FIXTURES[kind].input(d));
    const target = await makeTargetOfKind(input, 'id1', d, KEY);
    expect(targetSchema.parse(target)).toEqual(target);
    expect(target).toMatchObject({ id: 'id1', kind });

    const description = describeTarget(target);
    expect(description.where).not.toBe('');
    expect(description.full.length).toBeGreaterThanOrEqual(description.where.length);
    // A command may be meant to run twice; a file (a variable of it, a rendered one) is written once.
    expect(sameTarget(target, target)).toBe(kind !== 'command');

    expect(await checkTarget(target, KEYS)).toBeNull();
    expect(await writeTarget(target, swap)).toMatchObject({ ok: true });
    expect(FIXTURES[kind].holds(d)).toContain(NEW);
  });

  it.each(kinds)('%s: forbids a swap into a target that broke since it was added (checked, and refused by the write, in words that carry no secret)', async (kind) => {
    const d = dir();
    const target = await makeTargetOfKind(newTargetSchema.parse(FIXTURES[kind].input(d)), 'id1', d, KEY);
    FIXTURES[kind].spoil(d);
    const reason = await checkTarget(target, KEYS);
    expect(reason).toEqual(expect.any(String));
    const written = await writeTarget(target, swap);
    expect(written.ok).toBe(false);
    for (const text of [reason, written.detail]) expect(text).not.toContain(NEW);
  });
});
