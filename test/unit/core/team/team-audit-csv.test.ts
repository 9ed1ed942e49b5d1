import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TEAM_CSV_COLUMNS, teamAuditCsvHeader, teamAuditCsvLines, type TeamAuditRow } from '../../../../electron/core/team/team-audit.js';

const row: TeamAuditRow = {
  member: 'ana',
  machine: 'laptop, 2nd "desk"',
  vaultId: 'v1',
  keyId: 'k1',
  ref: 'nora/acme/live/api',
  provider: 'nora',
  org: 'acme',
  instance: 'live',
  env: 'production',
  maskedKey: 'sk_live_AbCd…',
  fingerprint: 'f'.repeat(64),
  status: 'active',
  rejected: false,
  pendingFor: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  ageDays: 31,
  expiresOn: null,
  maxAgeDays: 90,
  policyState: 'ok',
  dueOn: '2027-01-30',
  dueBy: 'max age',
  lastVerifiedAt: null,
  lastVerification: null,
  lastRotationAt: null,
  lastRotation: null,
  usageSites: [{ kind: 'target', where: 'API_KEY in /srv/app/.env' }, { kind: 'found', where: '/srv/app/notes\nline.txt:3' }],
  syncedAt: '2026-12-01T00:00:00.000Z',
};

describe('team audit CSV', () => {
  it('reads back cell for cell through a CSV parser: commas, quotes and line breaks quoted, booleans as 1 or empty', () => {
    const rejected = { ...row, keyId: 'k2', rejected: true, lastVerification: 'rejected (401)' };
    const records = parse(teamAuditCsvHeader() + teamAuditCsvLines([row, rejected]), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(2);
    expect(Object.keys(records[0] ?? {})).toEqual([...TEAM_CSV_COLUMNS]);
    expect(records[0]).toMatchObject({ machine: 'laptop, 2nd "desk"', rejected: '', pendingFor: '', ageDays: '31', usageSites: 'target: API_KEY in /srv/app/.env; found: /srv/app/notes\nline.txt:3' });
    expect(records[1]).toMatchObject({ rejected: '1', lastVerification: 'rejected (401)' });
  });

  it('never lets a published value start a spreadsheet formula (CSV injection): a leading = + - @ is quoted with \'', () => {
    const hostile = { ...row, member: '=HYPERLINK("http://x")', machine: '+1', ref: '-2', org: '@SUM(A1)' };
    const [record] = parse(teamAuditCsvLines([hostile]), { columns: [...TEAM_CSV_COLUMNS] }) as Record<string, string>[];
    expect(record).toMatchObject({ member: `'=HYPERLINK("http://x")`, machine: "'+1", ref: "'-2", org: "'@SUM(A1)" });
  });
});
