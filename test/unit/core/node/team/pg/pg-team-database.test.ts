// The PostgreSQL adapter of the team database port, against a real server: what each member's own
// connection delivers and reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineHash } from '../../../../../../electron/core/node/team/pg/audit-chain.js';
import type { StoredTeamKey } from '../../../../../../electron/core/team/team-audit.js';
import { auditLines, keyRow, testTeam, type TestTeam } from './team-fixtures.js';

let t: TestTeam;
beforeAll(async () => {
  t = await testTeam('adapter');
});
afterAll(async () => t.close());

async function all(iterable: AsyncIterable<StoredTeamKey[]>): Promise<StoredTeamKey[]> {
  const rows: StoredTeamKey[] = [];
  for await (const batch of iterable) rows.push(...batch);
  return rows;
}

describe('a member delivering and reading', () => {
  it('delivers its vault, keys and audit entries, and reads them back as the team holds them', async () => {
    const { db } = await t.join(`ann-${t.suffix}`);
    const identity = await db.identity();
    expect(identity).toMatchObject({ team: t.team, member: `ann-${t.suffix}`, lead: false, schemaVersion: 1 });
    const audit = auditLines(3);
    const { head } = await db.deliver({ vault: { vaultId: `v-ann-${t.suffix}`, machine: 'laptop' }, keys: [{ keyId: 'k1', revision: 1, row: keyRow('k1') }, { keyId: 'k2', revision: 1, row: keyRow('k2') }], audit });
    expect(head).toEqual({ seq: 3, hash: lineHash((audit[2] as { line: string }).line) });
    expect(await db.auditHead(`v-ann-${t.suffix}`)).toEqual(head);
    expect(await db.auditHashes(`v-ann-${t.suffix}`)).toEqual(audit.map((e) => lineHash(e.line)));
    const rows = await all(db.inventory({}));
    expect(rows.map((r) => r.keyId)).toEqual(['k1', 'k2']);
    const { vaultId, member, machine, syncedAt, ...row } = rows[0] as StoredTeamKey;
    expect({ vaultId, member, machine }).toEqual({ vaultId: `v-ann-${t.suffix}`, member: `ann-${t.suffix}`, machine: 'laptop' });
    expect(Number.isNaN(Date.parse(syncedAt))).toBe(false);
    expect(row).toEqual(keyRow('k1'));
    expect((await db.findByFingerprint('fp-k2')).map((r) => r.keyId)).toEqual(['k2']);
    expect((await db.vaults()).map((v) => [v.vaultId, v.machine])).toEqual([[`v-ann-${t.suffix}`, 'laptop']]);
  });
});
