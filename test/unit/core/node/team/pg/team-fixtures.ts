// A team on a fresh database of the run's PostgreSQL: its administrator's URL, invitations, and key
// rows and audit lines shaped as a vault publishes them.
import pg from 'pg';
import { initTeam, inviteMember } from '../../../../../../electron/core/node/team/pg/admin.js';
import { GENESIS_HASH, lineHash } from '../../../../../../electron/core/node/team/pg/audit-chain.js';
import { openPgTeamDatabase } from '../../../../../../electron/core/node/team/pg/pg-team-database.js';
import type { TeamDatabase } from '../../../../../../electron/core/ports/team-database.js';
import type { TeamKeyRow } from '../../../../../../electron/core/team/team-key-row.js';
import { freshTeamDatabase } from '../../../../../support/team-database.js';

export interface TestTeam {
  adminUrl: string;
  team: string;
  suffix: string;
  /** Invites `member` and opens the port with its own URL. */
  join(member: string, lead?: boolean): Promise<{ db: TeamDatabase; url: string; role: string }>;
  /** The administrator's raw SQL (superuser). */
  admin<T extends pg.QueryResultRow = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<pg.QueryResult<T>>;
  close(): Promise<void>;
}

/** Everything a test opened, closed at the end. */
export async function testTeam(label: string, existing?: { adminUrl: string; suffix: string }): Promise<TestTeam> {
  const fresh = existing ?? (await freshTeamDatabase(label));
  const team = `${label.slice(0, 20)}-${fresh.suffix}`;
  await initTeam({ url: fresh.adminUrl, password: '', team });
  const opened: { close(): Promise<void> }[] = [];
  const adminClient = new pg.Client({ connectionString: fresh.adminUrl });
  await adminClient.connect();
  opened.push({ close: () => adminClient.end() });
  return {
    adminUrl: fresh.adminUrl,
    team,
    suffix: fresh.suffix,
    async join(member, lead = false) {
      const invited = await inviteMember({ url: fresh.adminUrl, password: '', team, member, lead });
      const db = await openPgTeamDatabase({ url: invited.url, password: '' });
      opened.push(db);
      return { db, url: invited.url, role: invited.role };
    },
    admin: (sql, params) => adminClient.query(sql, params),
    async close() {
      for (const o of opened.reverse()) await o.close().catch(() => undefined);
    },
  };
}

/** A raw connection as a member's own role (for what the adapter would never send). */
export async function rawClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

export function keyRow(keyId: string, overrides: Partial<TeamKeyRow> = {}): TeamKeyRow {
  return {
    keyId,
    ref: `stripe/acme/prod/${keyId}`,
    provider: 'stripe',
    org: 'acme',
    instance: 'prod',
    env: 'production',
    maskedKey: 'sk_live_…abcd',
    status: 'active',
    rejected: false,
    pendingFor: null,
    createdAt: '2026-01-02T03:04:05.000Z',
    ageDays: 10,
    expiresOn: null,
    maxAgeDays: 90,
    policyState: 'ok',
    dueOn: '2026-04-02',
    dueBy: 'max age',
    lastVerifiedAt: null,
    lastVerification: null,
    lastRotationAt: null,
    lastRotation: null,
    fingerprint: `fp-${keyId}`,
    usageSites: [{ kind: 'target', where: `.env STRIPE_KEY (${keyId})` }],
    ...overrides,
  };
}

/** Audit lines as FileAuditLog writes them: each carries its seq and the SHA-256 of the line before. */
export function auditLines(count: number, from: { seq: number; prevLine: string | null } = { seq: 0, prevLine: null }): { seq: number; line: string }[] {
  const lines: { seq: number; line: string }[] = [];
  let prev = from.prevLine === null ? GENESIS_HASH : lineHash(from.prevLine);
  for (let i = 1; i <= count; i++) {
    const seq = from.seq + i;
    const line = JSON.stringify({ seq, at: '2026-12-01T00:00:00.000Z', action: 'key.added', ref: `r${seq}`, prev });
    lines.push({ seq, line });
    prev = lineHash(line);
  }
  return lines;
}
