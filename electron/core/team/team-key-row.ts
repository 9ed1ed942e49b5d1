import { auditRows, type AuditRow } from '../audit/audit-report.js';
import type { KeyRecord, VaultDocument } from '../domain/model.js';
import { describeTarget } from '../targets/describe.js';

/**
 * One place a key is used or was found, as the team sees it: a swap target (a `.env` variable in a
 * file, or a command that receives it on stdin), a `keyturn://` reference site, or a place a scan
 * found it in plain text. Words and paths only: never the key.
 */
export interface UsageSite {
  kind: 'target' | 'reference' | 'found';
  /** The target as its list shows it, or `path:line` (for a commit: `path:line in commit <sha>`). */
  where: string;
}

/**
 * One key as the team inventory holds it: what the audit view shows (metadata only: building it
 * never touches the keychain) with its fingerprint and usage sites. Never the secret, nor anything
 * it could be recovered from: the masked key shows what it already shows, the fingerprint is the
 * SHA-256 of a random key.
 */
export interface TeamKeyRow extends Omit<AuditRow, 'id' | 'targets'> {
  keyId: string;
  fingerprint: string;
  usageSites: UsageSite[];
}

/** At most this many sites of each kind per key: a key found in 10,000 files must not make a row of megabytes. */
export const MAX_SITES_PER_KIND = 200;

export function usageSitesOf(key: KeyRecord): UsageSite[] {
  const targets = key.targets.map((t): UsageSite => ({ kind: 'target', where: describeTarget(t).full }));
  const references = (key.referenceSites ?? []).map((s): UsageSite => ({ kind: 'reference', where: `${s.file}:${s.line}` }));
  const found = (key.scanSites ?? []).map((s): UsageSite => ({ kind: 'found', where: s.commit ? `${s.file}:${s.line} in commit ${s.commit}` : `${s.file}:${s.line}` }));
  return [...targets.slice(0, MAX_SITES_PER_KIND), ...references.slice(0, MAX_SITES_PER_KIND), ...found.slice(0, MAX_SITES_PER_KIND)];
}

/**
 * The team rows of a vault's keys (of `only` those, when given), from its metadata at `now`.
 * A key whose instance is gone has no row (as in the audit view): publishing treats it as removed.
 */
export function teamKeyRows(doc: VaultDocument, now: Date, only?: ReadonlySet<string>): TeamKeyRow[] {
  const scoped: VaultDocument = only ? { ...doc, keys: doc.keys.filter((k) => only.has(k.id)) } : doc;
  const records = new Map(scoped.keys.map((k) => [k.id, k]));
  return auditRows(scoped, now).map(({ id, targets: _targets, ...row }) => {
    const key = records.get(id) as KeyRecord;
    return { ...row, keyId: id, fingerprint: key.fingerprint, usageSites: usageSitesOf(key) };
  });
}
