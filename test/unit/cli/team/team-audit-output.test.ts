import { describe, expect, it } from 'vitest';
import type { TeamAuditRow } from '../../../../electron/core/team/team-audit.js';
import { writeTeamAudit } from '../../../../electron/cli/team/team-audit-output.js';

const NOW = new Date('2026-12-02T00:00:00.000Z');

function row(member: string, ref: string, over: Partial<TeamAuditRow> = {}): TeamAuditRow {
  return {
    member, machine: `${member}-laptop`, vaultId: `v-${member}`, syncedAt: '2026-12-01T00:00:00.000Z', keyId: `k-${ref}`, fingerprint: 'f'.repeat(64), usageSites: [{ kind: 'target', where: 'KEY in /srv/.env' }],
    ref, provider: 'xora', org: 'acme', instance: 'main', env: 'sandbox', maskedKey: 'nte_abc…', status: 'active', rejected: false, pendingFor: null, createdAt: '2026-11-01T00:00:00.000Z', ageDays: 31,
    expiresOn: null, maxAgeDays: 90, policyState: 'ok', dueOn: '2027-01-30', dueBy: 'max age', lastVerifiedAt: null, lastVerification: null, lastRotationAt: null, lastRotation: null, ...over,
  } as TeamAuditRow;
}

/** Batches as a database sends them, recording what was written by the time each next batch is asked for. */
function batches(...sets: TeamAuditRow[][]): { rows: AsyncIterable<TeamAuditRow[]>; writtenBefore: string[]; out: string[] } {
  const out: string[] = [];
  const writtenBefore: string[] = [];
  return {
    out,
    writtenBefore,
    rows: (async function* () {
      for (const set of sets) {
        writtenBefore.push(out.join(''));
        yield set;
      }
    })(),
  };
}

describe('team audit output', () => {
  it('streams JSON: the first batch is written before the next arrives, and the whole is one JSON document with the summary', async () => {
    const b = batches([row('alice', 'xora/acme/main/a'), row('alice', 'xora/acme/main/b')], [row('bob', 'xora/acme/main/c', { policyState: 'overdue' })]);
    const count = await writeTeamAudit(b.rows, 'json', NOW, (t) => b.out.push(t));
    expect(count).toBe(3);
    expect(b.writtenBefore[1]).toContain('xora/acme/main/b');
    const doc = JSON.parse(b.out.join('')) as { rows: TeamAuditRow[]; summary: { keys: number; overdue: number; members: number; vaults: number } };
    expect(doc.rows.map((r) => r.member)).toEqual(['alice', 'alice', 'bob']);
    expect(doc.summary).toMatchObject({ keys: 3, overdue: 1, members: 2, vaults: 2 });
  });

  it('writes JSON for no rows at all', async () => {
    const out: string[] = [];
    await writeTeamAudit(batches().rows, 'json', NOW, (t) => out.push(t));
    expect(JSON.parse(out.join(''))).toMatchObject({ rows: [], summary: { keys: 0, members: 0 } });
  });

  it('streams CSV: the header first, then each batch as it comes', async () => {
    const b = batches([row('alice', 'xora/acme/main/a')], [row('bob', '=cmd|calc')]);
    await writeTeamAudit(b.rows, 'csv', NOW, (t) => b.out.push(t));
    expect(b.writtenBefore[0]).toMatch(/^member,machine,ref,/);
    expect(b.writtenBefore[1]).toContain('alice,alice-laptop,xora/acme/main/a');
    const lines = b.out.join('').trim().split('\n');
    expect(lines).toHaveLength(3);
    // A cell a spreadsheet would run as a formula is quoted, as in keyturn audit --csv.
    expect(lines[2]).toContain("bob,bob-laptop,'=cmd|calc");
  });

  it('prints the table with the member and machine first, and the summary line over the whole team', async () => {
    const out: string[] = [];
    await writeTeamAudit(batches([row('alice', 'xora/acme/main/a')], [row('bob', 'xora/acme/main/c', { pendingFor: 'k-x', status: 'pending' })]).rows, 'table', NOW, (t) => out.push(t));
    const text = out.join('');
    expect(text).toMatch(/^MEMBER\s+MACHINE\s+KEY\s+ENV\s+AGE\s+STATE\s+DUE\s+BY\s+LAST VERIFIED\s+LAST ROTATION\s+TARGETS$/m);
    expect(text).toMatch(/^alice\s+alice-laptop\s+xora\/acme\/main\/a\s+sandbox\s+31d\s+ok\s+2027-01-30\s+max age\s+never\s+-\s+1$/m);
    expect(text).toMatch(/^bob\s+bob-laptop\s+xora\/acme\/main\/c\s+sandbox\s+31d\s+pending \(rotation\)/m);
    expect(text).toContain('1 key of 2 members (and 1 pending in a rotation): 0 overdue, 0 expired, 0 due in 7 days, 1 unverified for 30 days, 0 rejected\n');
  });
});
