import type { StoredTeamKey } from '../../../team/team-audit.js';
import type { TeamKeyRow, UsageSite } from '../../../team/team-key-row.js';

/** A TeamKeyRow field, its column in keyturn.keys and the array type unnest() reads it as. */
type KeyField = Exclude<keyof TeamKeyRow, 'keyId'>;
const FIELDS: readonly (readonly [KeyField, string, 'text' | 'boolean' | 'integer'])[] = [
  ['ref', 'ref', 'text'],
  ['provider', 'provider', 'text'],
  ['org', 'org', 'text'],
  ['instance', 'instance', 'text'],
  ['env', 'env', 'text'],
  ['maskedKey', 'masked_key', 'text'],
  ['status', 'status', 'text'],
  ['rejected', 'rejected', 'boolean'],
  ['pendingFor', 'pending_for', 'text'],
  ['createdAt', 'created_at', 'text'],
  ['ageDays', 'age_days', 'integer'],
  ['expiresOn', 'expires_on', 'text'],
  ['maxAgeDays', 'max_age_days', 'integer'],
  ['policyState', 'policy_state', 'text'],
  ['dueOn', 'due_on', 'text'],
  ['dueBy', 'due_by', 'text'],
  ['lastVerifiedAt', 'last_verified_at', 'text'],
  ['lastVerification', 'last_verification', 'text'],
  ['lastRotationAt', 'last_rotation_at', 'text'],
  ['lastRotation', 'last_rotation', 'text'],
  ['fingerprint', 'fingerprint', 'text'],
  ['usageSites', 'usage_sites', 'text'],
];

export interface KeyChange {
  keyId: string;
  revision: number;
  row: TeamKeyRow | null;
}

/**
 * One statement for a chunk of key changes: the rows go as one array per column through unnest()
 * (a few parameters whatever the chunk's size), and the upsert keeps the higher revision: a row held
 * at a higher revision than the one delivered is left as it is. `row: null` marks the key removed.
 */
export const UPSERT_KEYS_SQL = `
INSERT INTO keyturn.keys AS k (vault_id, team, member, key_id, revision, removed, ${FIELDS.map(([, c]) => c).join(', ')}, synced_at)
SELECT $1, $2, $3, u.key_id, u.revision, u.removed, ${FIELDS.map(([, c]) => (c === 'usage_sites' ? 'u.usage_sites::jsonb' : `u.${c}`)).join(', ')}, now()
FROM unnest($4::text[], $5::bigint[], $6::boolean[], ${FIELDS.map(([, , t], i) => `$${i + 7}::${t}[]`).join(', ')})
  AS u(key_id, revision, removed, ${FIELDS.map(([, c]) => c).join(', ')})
ON CONFLICT (vault_id, key_id) DO UPDATE SET revision = EXCLUDED.revision, removed = EXCLUDED.removed,
  ${FIELDS.map(([, c]) => `${c} = EXCLUDED.${c}`).join(', ')}, synced_at = EXCLUDED.synced_at
WHERE k.revision <= EXCLUDED.revision`;

/** The parameters after vault id, team and member: one array per column. */
export function upsertKeyParams(changes: readonly KeyChange[]): unknown[] {
  const columns: unknown[][] = [changes.map((c) => c.keyId), changes.map((c) => c.revision), changes.map((c) => c.row === null)];
  for (const [field] of FIELDS) {
    columns.push(changes.map((c) => (c.row === null ? null : field === 'usageSites' ? JSON.stringify(c.row.usageSites) : (c.row[field] ?? null))));
  }
  return columns;
}

/**
 * A stored key's columns (keys k joined with vaults v), read as text in array rows: the driver then
 * parses nothing (its per-field parsers, dates above all, cost more than the query), and
 * storedKeyOfText turns them into the port's StoredTeamKey. The last column says whether the
 * key's vault left the team.
 */
export const STORED_KEY_TEXT_COLUMNS = `k.vault_id, k.key_id, k.member, v.machine,
  to_char(k.synced_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  ${FIELDS.map(([, c]) => `k.${c}`).join(', ')}, v.left_at IS NOT NULL`;

/** Every value as the text the server sent (no parsing in the driver). */
export const TEXT_TYPES = { getTypeParser: () => (value: string) => value };

/** A row of STORED_KEY_TEXT_COLUMNS, and whether its vault left. */
export function storedKeyOfText(row: readonly (string | null)[]): { key: StoredTeamKey; vaultLeft: boolean } {
  const key: Record<string, unknown> = { vaultId: row[0], keyId: row[1], member: row[2], machine: row[3], syncedAt: row[4] };
  FIELDS.forEach(([field, , type], i) => {
    const v = row[i + 5] ?? null;
    key[field] = field === 'usageSites' ? usageSites(v === null ? null : JSON.parse(v)) : v === null ? null : type === 'boolean' ? v === 't' : type === 'integer' ? Number(v) : v;
  });
  return { key: key as unknown as StoredTeamKey, vaultLeft: row[FIELDS.length + 5] === 't' };
}

/** Compares as PostgreSQL's "C" collation does on UTF-8: by code point (JS's < compares UTF-16 code units). */
function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  if (!/[\ud800-\udfff]/.test(a) && !/[\ud800-\udfff]/.test(b)) return a < b ? -1 : 1;
  const x = [...a].map((c) => c.codePointAt(0) as number);
  const y = [...b].map((c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

/** The inventory's order: member, ref, vault id, key id (the keys_inventory index's). */
export function inventoryOrder(a: StoredTeamKey, b: StoredTeamKey): number {
  return byCodePoint(a.member, b.member) || byCodePoint(a.ref, b.ref) || byCodePoint(a.vaultId, b.vaultId) || byCodePoint(a.keyId, b.keyId);
}

const SITE_KINDS = new Set<UsageSite['kind']>(['target', 'reference', 'found']);

/** Usage sites as another member's client wrote them: only well-formed ones are kept. */
function usageSites(value: unknown): UsageSite[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((s: unknown) => {
    const site = s as { kind?: unknown; where?: unknown } | null;
    return site && typeof site.where === 'string' && SITE_KINDS.has(site.kind as UsageSite['kind']) ? [{ kind: site.kind as UsageSite['kind'], where: site.where }] : [];
  });
}
