// Delivery as the outbox relies on it: at least once, in order, idempotent; a lower revision never
// overwrites; audit entries chain on the team's head; the inventory in batches, in a stable order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineHash } from '../../../../../../electron/core/node/team/pg/audit-chain.js';
import { openPgTeamDatabase } from '../../../../../../electron/core/node/team/pg/pg-team-database.js';
import type { TeamDatabase } from '../../../../../../electron/core/ports/team-database.js';
import type { StoredTeamKey } from '../../../../../../electron/core/team/team-audit.js';
import { auditLines, keyRow, testTeam, type TestTeam } from './team-fixtures.js';

let t: TestTeam;
let ann: TeamDatabase;
let bob: TeamDatabase;
let annName: string;
beforeAll(async () => {
  t = await testTeam('delivery');
  annName = `ann-${t.suffix}`;
  ann = (await t.join(annName)).db;
  bob = (await t.join(`bob-${t.suffix}`)).db;
});
afterAll(async () => t.close());

async function all(iterable: AsyncIterable<StoredTeamKey[]>): Promise<StoredTeamKey[]> {
  const rows: StoredTeamKey[] = [];
  for await (const batch of iterable) rows.push(...batch);
  return rows;
}
const vault = (id: string) => ({ vaultId: `${id}-${t.suffix}`, machine: 'laptop' });

describe('keys', () => {
  it('a lower revision never overwrites a higher one; the same delivery twice changes nothing', async () => {
    const v = vault('rev');
    await ann.deliver({ vault: v, keys: [{ keyId: 'k', revision: 5, row: keyRow('k', { status: 'active' }) }], audit: [] });
    await ann.deliver({ vault: v, keys: [{ keyId: 'k', revision: 3, row: keyRow('k', { status: 'previous' }) }], audit: [] });
    expect((await ann.findByFingerprint('fp-k')).filter((r) => r.vaultId === v.vaultId).map((r) => r.status)).toEqual(['active']);
    await ann.deliver({ vault: v, keys: [{ keyId: 'k', revision: 5, row: keyRow('k', { status: 'active' }) }], audit: [] });
    await ann.deliver({ vault: v, keys: [{ keyId: 'k', revision: 6, row: keyRow('k', { status: 'retired' }) }], audit: [] });
    expect((await ann.findByFingerprint('fp-k')).filter((r) => r.vaultId === v.vaultId).map((r) => r.status)).toEqual(['retired']);
    const stored = await t.admin('SELECT revision FROM keyturn.keys WHERE vault_id = $1', [v.vaultId]);
    expect(stored.rows).toEqual([{ revision: '6' }]);
  });

  it('a removed key leaves the inventory, and an older delivery does not bring it back', async () => {
    const v = vault('rm');
    await ann.deliver({ vault: v, keys: [{ keyId: 'gone', revision: 1, row: keyRow('gone', { fingerprint: 'fp-gone' }) }], audit: [] });
    await ann.deliver({ vault: v, keys: [{ keyId: 'gone', revision: 2, row: null }], audit: [] });
    expect(await ann.findByFingerprint('fp-gone')).toEqual([]);
    await ann.deliver({ vault: v, keys: [{ keyId: 'gone', revision: 1, row: keyRow('gone', { fingerprint: 'fp-gone' }) }], audit: [] });
    expect(await ann.findByFingerprint('fp-gone')).toEqual([]);
    // A key removed before the team ever saw it: a tombstone, so its older row stays out too.
    await ann.deliver({ vault: v, keys: [{ keyId: 'never', revision: 4, row: null }], audit: [] });
    await ann.deliver({ vault: v, keys: [{ keyId: 'never', revision: 3, row: keyRow('never', { fingerprint: 'fp-never' }) }], audit: [] });
    expect(await ann.findByFingerprint('fp-never')).toEqual([]);
  });

  it('one delivery may carry a key twice: the higher revision is what stays', async () => {
    const v = vault('twice');
    await ann.deliver({ vault: v, keys: [{ keyId: 'd', revision: 2, row: keyRow('d', { fingerprint: 'fp-d', status: 'active' }) }, { keyId: 'd', revision: 1, row: keyRow('d', { fingerprint: 'fp-d', status: 'previous' }) }], audit: [] });
    expect((await ann.findByFingerprint('fp-d')).map((r) => r.status)).toEqual(['active']);
  });
});

describe('audit entries', () => {
  it('entries the team holds already are skipped; the next ones chain on; the head moves', async () => {
    const v = vault('audit');
    const lines = auditLines(5);
    expect((await ann.deliver({ vault: v, keys: [], audit: lines.slice(0, 3) })).head?.seq).toBe(3);
    const { head } = await ann.deliver({ vault: v, keys: [], audit: lines });
    expect(head).toEqual({ seq: 5, hash: lineHash((lines[4] as { line: string }).line) });
    expect(await ann.auditHashes(v.vaultId)).toEqual(lines.map((l) => lineHash(l.line)));
    expect((await ann.deliver({ vault: v, keys: [], audit: lines })).head?.seq).toBe(5);
  });

  it('a local entry that differs from the one the team holds is team.log-diverged at its seq, and nothing is delivered', async () => {
    const v = vault('diverged');
    const lines = auditLines(3);
    await ann.deliver({ vault: v, keys: [], audit: lines });
    const edited = auditLines(4).map((l) => (l.seq === 2 ? { seq: 2, line: l.line.replace('key.added', 'key.removed') } : l));
    await expect(ann.deliver({ vault: v, keys: [{ keyId: 'x', revision: 1, row: keyRow('x', { fingerprint: 'fp-diverged' }) }], audit: edited })).rejects.toMatchObject({ problem: { code: 'team.log-diverged', seq: 2 } });
    expect(await ann.findByFingerprint('fp-diverged')).toEqual([]);
    expect((await ann.auditHead(v.vaultId))?.seq).toBe(3);
  });

  it('entries that start past the head (a gap) are not sent; the head says where to resume', async () => {
    const v = vault('gap');
    const lines = auditLines(6);
    await ann.deliver({ vault: v, keys: [], audit: lines.slice(0, 2) });
    const { head } = await ann.deliver({ vault: v, keys: [{ keyId: 'g', revision: 1, row: keyRow('g', { fingerprint: 'fp-gap' }) }], audit: lines.slice(4) });
    expect(head?.seq).toBe(2);
    expect(await ann.findByFingerprint('fp-gap')).toHaveLength(1);
  });

  it('two deliveries of one vault at once take turns: every entry once, in order', async () => {
    const v = vault('race');
    const other = (await t.join(`ann2-${t.suffix}`)).db;
    const lines = auditLines(200);
    const results = await Promise.all([
      other.deliver({ vault: v, keys: [], audit: lines.slice(0, 150) }),
      other.deliver({ vault: v, keys: [], audit: lines }),
    ]);
    expect(Math.max(...results.map((r) => r.head?.seq ?? 0))).toBe(200);
    expect(await other.auditHashes(v.vaultId)).toEqual(lines.map((l) => lineHash(l.line)));
  });

  it('two connections of one member delivering at once: every entry once', async () => {
    const v = vault('race2');
    const first = await t.join(`cat-${t.suffix}`);
    const second = await openPgTeamDatabase({ url: first.url, password: '' });
    try {
      const lines = auditLines(300);
      await Promise.all([first.db.deliver({ vault: v, keys: [], audit: lines }), second.deliver({ vault: v, keys: [], audit: lines })]);
      expect(await first.db.auditHashes(v.vaultId)).toEqual(lines.map((l) => lineHash(l.line)));
    } finally {
      await second.close();
    }
  });
});

describe('the inventory', () => {
  it('comes in batches, in member, ref, vault and key order, filtered by member and environment in the database', async () => {
    const keys = Array.from({ length: 4500 }, (_, i) => {
      const id = `inv-${String(i).padStart(5, '0')}`;
      return { keyId: id, revision: 1, row: keyRow(id, { ref: `p/o/i/${id}`, env: i % 3 === 0 ? 'sandbox' : 'production', fingerprint: `fp-${id}` }) };
    });
    await bob.deliver({ vault: vault('inv'), keys, audit: [] });
    const batches: number[] = [];
    const rows: StoredTeamKey[] = [];
    for await (const batch of bob.inventory({ member: `bob-${t.suffix}` })) {
      batches.push(batch.length);
      rows.push(...batch);
    }
    expect(batches.length).toBeGreaterThan(1);
    expect(rows.map((r) => r.keyId)).toEqual(keys.map((k) => k.keyId));
    const sandbox = await all(bob.inventory({ member: `bob-${t.suffix}`, env: 'sandbox' }));
    expect(sandbox.map((r) => r.keyId)).toEqual(keys.filter((_, i) => i % 3 === 0).map((k) => k.keyId));
    const everyone = await all(ann.inventory({}));
    const order = everyone.map((r) => [r.member, r.ref, r.vaultId, r.keyId].join('\u0000'));
    expect(order).toEqual([...order].sort());
    expect(everyone.some((r) => r.member === annName)).toBe(true);
    expect(everyone.filter((r) => r.member === `bob-${t.suffix}`)).toHaveLength(4500);
  });

  it('a vault that left is out of the inventory, the look-up and the vaults; its audit entries stay', async () => {
    const v = vault('leaving');
    await ann.deliver({ vault: v, keys: [{ keyId: 'l', revision: 1, row: keyRow('l', { fingerprint: 'fp-leaving' }) }], audit: auditLines(2) });
    expect(await ann.findByFingerprint('fp-leaving')).toHaveLength(1);
    await ann.leave(v.vaultId);
    expect(await ann.findByFingerprint('fp-leaving')).toEqual([]);
    expect((await all(ann.inventory({ member: annName }))).some((r) => r.vaultId === v.vaultId)).toBe(false);
    expect((await ann.vaults()).some((x) => x.vaultId === v.vaultId)).toBe(false);
    expect(await ann.auditHashes(v.vaultId)).toHaveLength(2);
    await ann.leave(v.vaultId);
    await ann.leave(`never-delivered-${t.suffix}`);
  });
});

describe('batch boundaries', () => {
  it('small batches give every key once, in the database\'s order, whatever the characters (code point order)', async () => {
    const { url } = await t.join(`uni-${t.suffix}`);
    const db = await openPgTeamDatabase({ url, password: '', inventoryBatch: 3 });
    try {
      const refs = ['a', 'B', 'é', 'z', '\uffee', '😀', 'ab', 'a b', 'Ω', '\ud7ff', 'zz', '1'];
      await db.deliver({ vault: vault('uni'), keys: refs.map((ref, i) => ({ keyId: `u${i}`, revision: 1, row: keyRow(`u${i}`, { ref, fingerprint: `fp-u${i}` }) })), audit: [] });
      const batches: string[][] = [];
      for await (const batch of db.inventory({ member: `uni-${t.suffix}` })) batches.push(batch.map((k) => k.ref));
      expect(batches.every((b) => b.length <= 3)).toBe(true);
      const byBytes = [...refs].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      expect(batches.flat()).toEqual(byBytes);
    } finally {
      await db.close();
    }
  });
});

describe('a connection that goes away', () => {
  it('a closed port answers team.unreachable on the next call, not a hang', async () => {
    const { db } = await t.join(`dan-${t.suffix}`);
    await t.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [`kt_${t.team}_dan-${t.suffix}`]);
    await expect(db.vaults()).rejects.toMatchObject({ problem: { code: 'team.unreachable' } });
    await expect(db.identity()).rejects.toMatchObject({ problem: { code: 'team.unreachable' } });
  });
});
