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

/** The columns a stored key is read from (keys k joined with vaults v). */
export const STORED_KEY_COLUMNS = `k.vault_id, k.key_id, k.member, v.machine, k.synced_at, ${FIELDS.map(([, c]) => `k.${c}`).join(', ')}`;

const SITE_KINDS = new Set<UsageSite['kind']>(['target', 'reference', 'found']);

function usageSites(value: unknown): UsageSite[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((s: unknown) => {
    const site = s as { kind?: unknown; where?: unknown } | null;
    return site && typeof site.where === 'string' && SITE_KINDS.has(site.kind as UsageSite['kind']) ? [{ kind: site.kind as UsageSite['kind'], where: site.where }] : [];
  });
}

/** A row of STORED_KEY_COLUMNS as the port's StoredTeamKey (the table's checks guarantee a live row's columns). */
export function storedKeyOf(r: Record<string, unknown>): StoredTeamKey {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const key: Record<string, unknown> = {
    vaultId: String(r.vault_id),
    keyId: String(r.key_id),
    member: String(r.member),
    machine: String(r.machine),
    syncedAt: r.synced_at instanceof Date ? r.synced_at.toISOString() : String(r.synced_at),
  };
  for (const [field, column, type] of FIELDS) {
    const v = r[column];
    key[field] = field === 'usageSites' ? usageSites(v) : type === 'boolean' ? v === true : type === 'integer' ? Number(v) : text(v);
  }
  return key as unknown as StoredTeamKey;
}
