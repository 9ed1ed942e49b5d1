// What the database itself forbids, each member on its OWN connection: two members and a lead of
// one team, and a second team in the same database. Raw SQL stands for a member's role used by
// something other than Keyturn: the rules hold whatever the client sends.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamDatabase } from '../../../../../../electron/core/ports/team-database.js';
import type { StoredTeamKey } from '../../../../../../electron/core/team/team-audit.js';
import { auditLines, keyRow, rawClient, testTeam, type TestTeam } from './team-fixtures.js';

interface Joined {
  db: TeamDatabase;
  raw: pg.Client;
  name: string;
  vaultId: string;
}

let t: TestTeam;
let other: TestTeam;
let ann: Joined;
let bob: Joined;
let lea: Joined;
let zed: Joined;
const raws: pg.Client[] = [];

async function joined(team: TestTeam, name: string, lead = false): Promise<Joined> {
  const member = `${name}-${team.suffix}`;
  const { db, url } = await team.join(member, lead);
  const raw = await rawClient(url);
  raws.push(raw);
  const vaultId = `vault-${member}`;
  await db.deliver({ vault: { vaultId, machine: `${name}-laptop` }, keys: [{ keyId: `${name}-k1`, revision: 1, row: keyRow(`${name}-k1`, { fingerprint: `fp-${member}` }) }], audit: auditLines(2) });
  return { db, raw, name: member, vaultId };
}

async function all(iterable: AsyncIterable<StoredTeamKey[]>): Promise<StoredTeamKey[]> {
  const rows: StoredTeamKey[] = [];
  for await (const batch of iterable) rows.push(...batch);
  return rows;
}

/** The SQLSTATE a statement fails with (null when it succeeds). */
async function refusal(client: pg.Client, sql: string, params: unknown[] = []): Promise<string | null> {
  try {
    await client.query(sql, params);
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'no code';
  }
}

beforeAll(async () => {
  t = await testTeam('security');
  ann = await joined(t, 'ann');
  bob = await joined(t, 'bob');
  lea = await joined(t, 'lea', true);
  // A second team in the same database.
  other = await testTeam('other', { adminUrl: t.adminUrl, suffix: `${t.suffix}x` });
  zed = await joined(other, 'zed');
});
afterAll(async () => {
  for (const raw of raws) await raw.end().catch(() => undefined);
  await other.close();
  await t.close();
});

describe('each member on its own connection', () => {
  it("each member's keys appear in the team inventory with the right member and machine", async () => {
    for (const reader of [ann, bob, lea]) {
      const rows = await all(reader.db.inventory({}));
      expect(rows.map((r) => [r.member, r.machine, r.keyId])).toEqual([
        [ann.name, 'ann-laptop', 'ann-k1'],
        [bob.name, 'bob-laptop', 'bob-k1'],
        [lea.name, 'lea-laptop', 'lea-k1'],
      ]);
    }
    expect((await all(ann.db.inventory({ member: bob.name }))).map((r) => r.keyId)).toEqual(['bob-k1']);
    expect((await bob.db.findByFingerprint(`fp-${ann.name}`)).map((r) => r.member)).toEqual([ann.name]);
  });

  it("a member may not change another member's key row (the row stays as it was)", async () => {
    const update = await ann.raw.query("UPDATE keyturn.keys SET masked_key = 'forged', revision = revision + 1 WHERE vault_id = $1", [bob.vaultId]);
    expect(update.rowCount).toBe(0);
    expect(await refusal(ann.raw, `INSERT INTO keyturn.keys (vault_id, key_id, team, member, revision, removed) VALUES ($1, 'bob-k1', $2, $3, 99, true) ON CONFLICT (vault_id, key_id) DO UPDATE SET removed = true, revision = 99`, [bob.vaultId, t.team, ann.name])).toBe('42501');
    const row = await t.admin('SELECT masked_key, revision, removed FROM keyturn.keys WHERE vault_id = $1', [bob.vaultId]);
    expect(row.rows).toEqual([{ masked_key: keyRow('x').maskedKey, revision: '1', removed: false }]);
  });

  it("a member may not insert keys into another member's vault, nor claim another member's name", async () => {
    expect(await refusal(ann.raw, `INSERT INTO keyturn.keys (vault_id, key_id, team, member, revision, removed) VALUES ($1, 'planted', $2, $3, 1, true)`, [bob.vaultId, t.team, ann.name])).toBe('42501');
    expect(await refusal(ann.raw, `INSERT INTO keyturn.keys (vault_id, key_id, team, member, revision, removed) VALUES ($1, 'planted', $2, $3, 1, true)`, [bob.vaultId, t.team, bob.name])).toBe('42501');
    expect(await refusal(ann.raw, `INSERT INTO keyturn.vaults (vault_id, team, member, machine) VALUES ('fake-bob', $1, $2, 'x')`, [t.team, bob.name])).toBe('42501');
    expect((await t.admin('SELECT count(*)::int AS n FROM keyturn.keys WHERE key_id = $1', ['planted'])).rows[0]).toEqual({ n: 0 });
  });

  it("a member may not change or take over another member's vault row", async () => {
    const update = await ann.raw.query("UPDATE keyturn.vaults SET machine = 'forged', left_at = now() WHERE vault_id = $1", [bob.vaultId]);
    expect(update.rowCount).toBe(0);
    expect(await refusal(ann.raw, 'UPDATE keyturn.vaults SET role_name = current_user WHERE vault_id = $1', [bob.vaultId])).toBe('42501');
    await expect(ann.db.deliver({ vault: { vaultId: bob.vaultId, machine: 'forged' }, keys: [], audit: [] })).rejects.toMatchObject({ problem: { code: 'team.write-refused' } });
    await expect(ann.db.leave(bob.vaultId)).rejects.toMatchObject({ problem: { code: 'team.write-refused' } });
    expect((await t.admin('SELECT machine, left_at FROM keyturn.vaults WHERE vault_id = $1', [bob.vaultId])).rows).toEqual([{ machine: 'bob-laptop', left_at: null }]);
  });

  it('no member, and no lead, may update, delete or truncate an audit entry', async () => {
    for (const who of [ann, lea]) {
      expect(await refusal(who.raw, "UPDATE keyturn.audit_entries SET line = 'forged' WHERE vault_id = $1", [who.vaultId])).toBe('42501');
      expect(await refusal(who.raw, 'DELETE FROM keyturn.audit_entries WHERE vault_id = $1', [who.vaultId])).toBe('42501');
      expect(await refusal(who.raw, 'TRUNCATE keyturn.audit_entries')).toBe('42501');
      expect(await refusal(who.raw, 'UPDATE keyturn.audit_heads SET seq = 0 WHERE vault_id = $1', [who.vaultId])).toBe('42501');
    }
    // Not even the owner's own statements: the table is append-only.
    expect(await refusal((await ownerClient()), 'DELETE FROM keyturn.audit_entries WHERE vault_id = $1', [ann.vaultId])).toBe('42501');
    expect((await t.admin('SELECT count(*)::int AS n FROM keyturn.audit_entries WHERE vault_id = $1', [ann.vaultId])).rows[0]).toEqual({ n: 2 });
  });

  it('the database refuses an audit entry that does not chain on, whatever the client', async () => {
    const [, , third] = auditLines(3);
    const forged = JSON.stringify({ ...(JSON.parse((third as { line: string }).line) as object), prev: 'f'.repeat(64) });
    expect(await refusal(ann.raw, 'INSERT INTO keyturn.audit_entries (vault_id, seq, line) VALUES ($1, 3, $2)', [ann.vaultId, forged])).toBe('KT001');
    // A gap, and an entry again at a seq the team holds.
    const fourth = auditLines(4)[3] as { line: string };
    expect(await refusal(ann.raw, 'INSERT INTO keyturn.audit_entries (vault_id, seq, line) VALUES ($1, 4, $2)', [ann.vaultId, fourth.line])).toBe('KT001');
    expect(await refusal(ann.raw, 'INSERT INTO keyturn.audit_entries (vault_id, seq, line) VALUES ($1, 2, $2)', [ann.vaultId, (auditLines(2)[1] as { line: string }).line])).not.toBeNull();
    // The client may not choose the stored hash either.
    expect(await refusal(ann.raw, "INSERT INTO keyturn.audit_entries (vault_id, seq, line, hash) VALUES ($1, 3, $2, 'x')", [ann.vaultId, (third as { line: string }).line])).toBe('42501');
    await expect(ann.db.deliver({ vault: { vaultId: ann.vaultId, machine: 'ann-laptop' }, keys: [], audit: [{ seq: 3, line: forged }] })).rejects.toMatchObject({ problem: { code: 'team.log-diverged', seq: 3 } });
    expect((await ann.db.auditHead(ann.vaultId))?.seq).toBe(2);
  });

  it("a member may not insert audit entries into another member's vault", async () => {
    const first = auditLines(3)[2] as { line: string };
    expect(await refusal(ann.raw, 'INSERT INTO keyturn.audit_entries (vault_id, seq, line) VALUES ($1, 3, $2)', [bob.vaultId, first.line])).toBe('42501');
    // Nor file its own entries under another team.
    expect(await refusal(ann.raw, 'INSERT INTO keyturn.audit_entries (vault_id, seq, team, line) VALUES ($1, 3, $2, $3)', [ann.vaultId, other.team, first.line])).toBe('42501');
  });

  it("a member reads no other member's audit entries until the team allows it; a lead reads all", async () => {
    const seen = async (who: Joined) => (await who.raw.query<{ vault_id: string }>('SELECT DISTINCT vault_id FROM keyturn.audit_entries ORDER BY vault_id')).rows.map((r) => r.vault_id);
    expect(await seen(ann)).toEqual([ann.vaultId]);
    expect(await ann.db.auditHashes(bob.vaultId)).toEqual([]);
    expect(await seen(lea)).toEqual([ann.vaultId, bob.vaultId, lea.vaultId].sort());
    expect(await lea.db.auditHashes(bob.vaultId)).toHaveLength(2);
    await t.admin('UPDATE keyturn.teams SET members_read_audit = true WHERE name = $1', [t.team]);
    try {
      expect(await seen(ann)).toEqual([ann.vaultId, bob.vaultId, lea.vaultId].sort());
    } finally {
      await t.admin('UPDATE keyturn.teams SET members_read_audit = false WHERE name = $1', [t.team]);
    }
    expect(await seen(ann)).toEqual([ann.vaultId]);
  });

  it("no member, lead or not, sees another team's rows in any table", async () => {
    const teamColumn = { teams: 'name', members: 'team', vaults: 'team', keys: 'team', audit_entries: 'team', audit_heads: 'team' };
    for (const who of [ann, lea]) {
      for (const [table, column] of Object.entries(teamColumn)) {
        const rows = await who.raw.query(`SELECT * FROM keyturn.${table} WHERE ${column} = $1`, [other.team]);
        expect(rows.rowCount, `${who.name} reading ${table}`).toBe(0);
      }
    }
    // The administrator sees that the other team's rows are there.
    expect((await t.admin('SELECT count(*)::int AS n FROM keyturn.keys WHERE team = $1', [other.team])).rows[0]).toEqual({ n: 1 });
    expect(await all(zed.db.inventory({}))).toHaveLength(1);
    expect((await zed.db.findByFingerprint(`fp-${ann.name}`))).toEqual([]);
    expect((await zed.db.vaults()).map((v) => v.member)).toEqual([zed.name]);
    const update = await zed.raw.query("UPDATE keyturn.keys SET masked_key = 'forged' WHERE vault_id = $1", [ann.vaultId]);
    expect(update.rowCount).toBe(0);
  });

  it('a member may not set the team policy; a lead may', async () => {
    await expect(ann.db.setPolicy({ defaults: { production: 1, sandbox: 1 } })).rejects.toMatchObject({ problem: { code: 'team.lead-only' } });
    expect(await refusal(ann.raw, `UPDATE keyturn.teams SET policy = '{}'::jsonb`)).toBe('42501');
    expect(await refusal(lea.raw, 'UPDATE keyturn.teams SET members_read_audit = true')).toBe('42501');
    expect(await ann.db.policy()).toBeNull();
    await lea.db.setPolicy({ defaults: { production: 30, sandbox: 60 }, instances: { 'stripe/acme/prod': 14 } });
    expect(await ann.db.policy()).toEqual({ defaults: { production: 30, sandbox: 60 }, instances: { 'stripe/acme/prod': 14 } });
    expect(await zed.db.policy()).toBeNull();
    await lea.db.setPolicy(null);
    expect(await bob.db.policy()).toBeNull();
  });

  it('a member may not see the members of another team through the membership function', async () => {
    const probe = await ann.raw.query('SELECT * FROM keyturn.member_of($1)', [`kt_${other.team}_${zed.name}`]);
    expect(probe.rowCount).toBe(0);
  });
});

let owner: pg.Client | null = null;
/** The schema owner's connection (the administrator that ran init). */
async function ownerClient(): Promise<pg.Client> {
  if (!owner) {
    owner = await rawClient(t.adminUrl);
    raws.push(owner);
  }
  return owner;
}
