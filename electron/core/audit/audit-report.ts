import { stringify } from 'csv-stringify/sync';
import { createEvents, type EventAttributes } from 'ics';
import type { Environment, VaultDocument } from '../domain/model.js';
import { fail } from '../domain/problems/problem-error.js';
import { keyPolicyState, type PolicyState } from '../policy/key-policy.js';
import { keyRef } from '../vault/refs.js';

/** One key as a security lead audits it. Metadata only: building it never touches the keychain. */
export interface AuditRow {
  ref: string;
  id: string;
  provider: string;
  org: string;
  instance: string;
  env: Environment;
  maskedKey: string;
  status: string;
  /** Its provider rejected it (401) at the last check. */
  rejected: boolean;
  /** A rotation's pending key: the id of the key it is to replace (null for any other key). Not counted as a key of its own. */
  pendingFor: string | null;
  createdAt: string;
  ageDays: number;
  expiresOn: string | null;
  maxAgeDays: number;
  policyState: PolicyState;
  /** The date that drives the policy state (provider expiry or rotation due date). */
  dueOn: string | null;
  dueBy: 'provider expiry' | 'max age' | null;
  lastVerifiedAt: string | null;
  lastVerification: string | null;
  lastRotationAt: string | null;
  lastRotation: string | null;
  targets: number;
}

export interface AuditFilter {
  env?: Environment;
  state?: PolicyState;
}

export interface AuditSummary {
  /** Keys in use or retired: a rotation's pending key is not one of them (see `pending`). */
  keys: number;
  /** Live keys their provider rejected (401) at the last check. */
  rejected: number;
  /** Pending keys of rotations in progress. */
  pending: number;
  overdue: number;
  expired: number;
  dueIn7Days: number;
  unverified30Days: number;
}

const DAY_MS = 86_400_000;

/** Every key with its age, expiry, policy state, last verification, last rotation and targets count. */
export function auditRows(doc: VaultDocument, now: Date, filter: AuditFilter = {}): AuditRow[] {
  const instances = new Map(doc.instances.map((i) => [i.id, i]));
  // The newest finished rotation per key that it produced (the key is the rotation's new key).
  const lastRotation = new Map<string, { at: string; outcome: string }>();
  for (const r of doc.rotations) {
    const at = r.finishedAt ?? r.updatedAt;
    const previous = lastRotation.get(r.newKeyId);
    // An abandoned rotation produced no key: its new key is gone.
    if (r.state === 'abandoned') continue;
    if (!previous || previous.at < at) lastRotation.set(r.newKeyId, { at, outcome: r.state === 'completed' ? 'completed' : 'in progress' });
  }
  const rows: AuditRow[] = [];
  for (const key of doc.keys) {
    const instance = instances.get(key.instanceId);
    if (!instance) continue;
    if (filter.env && instance.env !== filter.env) continue;
    const policy = keyPolicyState(key, instance, doc.policy, now);
    if (filter.state && policy.state !== filter.state) continue;
    const rotation = lastRotation.get(key.id);
    rows.push({
      ref: keyRef(instance, key),
      id: key.id,
      provider: instance.provider,
      org: instance.org,
      instance: instance.name,
      env: instance.env,
      maskedKey: key.maskedKey,
      status: key.status,
      rejected: key.lastVerification?.result === 'rejected',
      pendingFor: key.status === 'pending' ? (key.rotatedFrom ?? null) : null,
      createdAt: key.createdAt,
      ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(key.createdAt)) / DAY_MS)),
      expiresOn: key.expiresOn ?? null,
      maxAgeDays: policy.maxAgeDays,
      policyState: policy.state,
      dueOn: policy.date,
      dueBy: policy.drivenBy,
      lastVerifiedAt: key.lastVerification?.at ?? null,
      lastVerification: key.lastVerification ? `${key.lastVerification.result}${key.lastVerification.httpStatus ? ` (${key.lastVerification.httpStatus})` : ''}` : null,
      lastRotationAt: rotation?.at ?? null,
      lastRotation: rotation?.outcome ?? null,
      targets: key.targets.length,
    });
  }
  return rows;
}

/** The summary line: N overdue, N due in 7 days, N unverified for 30 days. */
export function auditSummary(rows: readonly AuditRow[], now: Date): AuditSummary {
  const monthAgo = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const weekAhead = new Date(now.getTime() + 7 * DAY_MS).toISOString().slice(0, 10);
  const keys = rows.filter((r) => r.pendingFor === null);
  const live = keys.filter((r) => r.policyState !== 'retired');
  return {
    keys: keys.length,
    rejected: live.filter((r) => r.rejected && r.status === 'active').length,
    pending: rows.length - keys.length,
    overdue: live.filter((r) => r.policyState === 'overdue').length,
    expired: live.filter((r) => r.policyState === 'expired').length,
    dueIn7Days: live.filter((r) => r.policyState === 'due soon' && r.dueOn !== null && r.dueOn <= weekAhead).length,
    unverified30Days: live.filter((r) => r.lastVerifiedAt === null || r.lastVerifiedAt < monthAgo).length,
  };
}

const CSV_COLUMNS: (keyof AuditRow)[] = ['ref', 'provider', 'org', 'instance', 'env', 'maskedKey', 'status', 'rejected', 'pendingFor', 'createdAt', 'ageDays', 'expiresOn', 'maxAgeDays', 'policyState', 'dueOn', 'dueBy', 'lastVerifiedAt', 'lastVerification', 'lastRotationAt', 'lastRotation', 'targets', 'id'];

export function auditCsv(rows: readonly AuditRow[]): string {
  // A cell that starts with = + - @ is a formula to a spreadsheet: quoted with a leading ' (CSV injection).
  const cell = (v: unknown) => (v === null ? '' : typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  return stringify(rows.map((r) => CSV_COLUMNS.map((c) => cell(r[c]))), { header: true, columns: CSV_COLUMNS });
}

export function auditJson(rows: readonly AuditRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

export type AuditFormat = 'csv' | 'json' | 'ics';

/** An export as a file: what the app downloads and the CLI prints. */
export function exportAudit(rows: readonly AuditRow[], format: AuditFormat, now: Date): { filename: string; mediaType: string; content: string } {
  const stamp = now.toISOString().slice(0, 10);
  if (format === 'csv') return { filename: `keyturn-audit-${stamp}.csv`, mediaType: 'text/csv', content: auditCsv(rows) };
  if (format === 'json') return { filename: `keyturn-audit-${stamp}.json`, mediaType: 'application/json', content: auditJson(rows) };
  return { filename: `keyturn-due-dates-${stamp}.ics`, mediaType: 'text/calendar', content: auditIcs(rows) };
}

/** A calendar: one all-day event per upcoming expiry or rotation due date of a live key. */
export function auditIcs(rows: readonly AuditRow[]): string {
  const events: EventAttributes[] = rows
    .filter((r) => r.policyState !== 'retired' && r.pendingFor === null && r.dueOn !== null)
    .map((r) => {
      const what = r.dueBy === 'provider expiry' ? 'expires' : 'is due for rotation';
      return {
        uid: `${r.id}-${r.dueOn}@keyturn`,
        // An all-day event ends on the next day (DTEND;VALUE=DATE). Not a duration: the ics package
        // writes `{ days: 1 }` as `P1DT`, which RFC 5545 does not allow (a `T` needs a time after it).
        start: dateParts(r.dueOn as string, 0),
        end: dateParts(r.dueOn as string, 1),
        title: `${r.ref} ${what}`,
        description: `${r.provider} ${r.env} key ${r.maskedKey} ${what} on ${r.dueOn as string}. Rotate it in Keyturn.`,
        categories: ['Keyturn', r.env],
        productId: 'keyturn',
      };
    });
  const { error, value } = createEvents(events);
  if (error || !value) fail('report.calendar-failed', { reason: error?.message ?? 'no output' }, { cause: error });
  return value;
}

/** A YYYY-MM-DD date `plusDays` later, as the ics package's [year, month, day]. */
function dateParts(isoDate: string, plusDays: number): [number, number, number] {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}
