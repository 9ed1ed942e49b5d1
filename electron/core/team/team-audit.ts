import { auditSummary, type AuditRow, type AuditSummary } from '../audit/audit-report.js';
import type { Environment, Instance, KeyRecord } from '../domain/model.js';
import { keyPolicyState, type PolicyState } from '../policy/key-policy.js';
import type { TeamKeyRow } from './team-key-row.js';

/** A key of the team's inventory: its row as its holder last published it, and who holds it where. */
export interface StoredTeamKey extends TeamKeyRow {
  vaultId: string;
  member: string;
  machine: string;
  /** When its holder's vault last delivered a change of it. */
  syncedAt: string;
}

/** A stored key as `team audit` shows it at `now`: its policy state worked out again (time passed since it was published). */
export type TeamAuditRow = StoredTeamKey;

export interface TeamAuditFilter {
  member?: string;
  env?: Environment;
  state?: PolicyState;
}

/**
 * The row at `now`: the policy state and its date follow from the published creation date, expiry,
 * status and maximum age (the one that applied on the holder's machine, team policy included), so a
 * key published a month ago shows as overdue today without its holder syncing again.
 */
export function teamAuditRowAt(stored: StoredTeamKey, now: Date): TeamAuditRow {
  const record = { status: stored.status, createdAt: stored.createdAt, maxAgeDays: stored.maxAgeDays, ...(stored.expiresOn ? { expiresOn: stored.expiresOn } : {}) } as KeyRecord;
  const instance = { env: stored.env, provider: stored.provider, id: '' } as Instance;
  const policy = keyPolicyState(record, instance, undefined, now);
  const DAY_MS = 86_400_000;
  return {
    ...stored,
    ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(stored.createdAt)) / DAY_MS)),
    policyState: policy.state,
    dueOn: policy.date,
    dueBy: policy.drivenBy,
  };
}

/** The summary line over the whole team (the same counts as `keyturn audit`'s). */
export function teamAuditSummary(rows: readonly TeamAuditRow[], now: Date): AuditSummary {
  return auditSummary(rows as unknown as AuditRow[], now);
}

export const TEAM_CSV_COLUMNS = ['member', 'machine', 'ref', 'provider', 'org', 'instance', 'env', 'maskedKey', 'status', 'rejected', 'pendingFor', 'createdAt', 'ageDays', 'expiresOn', 'maxAgeDays', 'policyState', 'dueOn', 'dueBy', 'lastVerifiedAt', 'lastVerification', 'lastRotationAt', 'lastRotation', 'usageSites', 'fingerprint', 'keyId', 'vaultId'] as const;

// A cell that starts with = + - @ is a formula to a spreadsheet: quoted with a leading ' (CSV injection), as in audit-report.ts.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field (RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled),
 * cast as csv-stringify casts (true → 1, false → empty), so `team audit --csv` reads as
 * `keyturn audit --csv` does. Written by hand because csv-stringify took 2 of the 5 seconds of a
 * 100,000-row team export: this is the export's innermost loop.
 */
function field(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value === true) return '1';
  let text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(r: TeamAuditRow): string {
  let line = '';
  for (let i = 0; i < TEAM_CSV_COLUMNS.length; i += 1) {
    const column = TEAM_CSV_COLUMNS[i] as (typeof TEAM_CSV_COLUMNS)[number];
    const value = column === 'usageSites' ? r.usageSites.map((s) => `${s.kind}: ${s.where}`).join('; ') : r[column];
    line += i === 0 ? field(value) : `,${field(value)}`;
  }
  return `${line}\n`;
}

/** The CSV's header line. */
export function teamAuditCsvHeader(): string {
  return `${TEAM_CSV_COLUMNS.join(',')}\n`;
}

/** CSV lines for a batch of rows, without the header: the CLI streams them as the database sends them. */
export function teamAuditCsvLines(rows: readonly TeamAuditRow[]): string {
  let out = '';
  for (const row of rows) out += csvLine(row);
  return out;
}
