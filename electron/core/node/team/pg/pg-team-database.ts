import type pg from 'pg';
import { policySchema } from '../../../domain/model.js';
import { fail } from '../../../domain/problems/problem-error.js';
import type { TeamAuditHead, TeamDatabase, TeamDelivery, TeamIdentity, TeamPolicy, TeamVault } from '../../../ports/team-database.js';
import type { StoredTeamKey, TeamAuditFilter } from '../../../team/team-audit.js';
import { entriesToSend } from './audit-chain.js';
import { DEFAULT_CONNECT_TIMEOUT_MS } from './client-config.js';
import { connectTeamClient, type TeamClient } from './team-client.js';
import { STORED_KEY_TEXT_COLUMNS, TEXT_TYPES, UPSERT_KEYS_SQL, inventoryOrder, storedKeyOfText, upsertKeyParams, type KeyChange } from './key-columns.js';
import { NOT_CHAINING_SQLSTATE } from './pg-problems.js';
import { SCHEMA_VERSION, readSchemaVersion } from './migrations.js';

export interface TeamDatabaseConnection {
  /** The URL, with or without its password (team.json's has none). */
  url: string;
  password: string;
  /** How long connecting may take before team.unreachable (the desktop never waits long on the database). */
  connectTimeoutMs?: number;
  /** Inventory keys per batch (default 2000); tests make it small to cross batch boundaries. */
  inventoryBatch?: number;
}

/** Key rows per statement, and audit entries per statement: big enough to be few, small enough to stay quick. */
const KEY_CHUNK = 1000;
const AUDIT_CHUNK = 1000;
/** Inventory rows per batch: the first batch reaches the screen quickly, the rest follow. */
const INVENTORY_BATCH = 2000;

/** The team database port on PostgreSQL (the `pg` client): connects, checks the schema version, and answers as the connection's role. */
export async function openPgTeamDatabase(connection: TeamDatabaseConnection): Promise<TeamDatabase> {
  const client = await connectTeamClient(connection.url, connection.password, connection.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
  try {
    const version = await client.run((c) => readSchemaVersion(c));
    if (version === null) fail('team.schema-missing', { database: client.url.display });
    if (version > SCHEMA_VERSION) fail('team.schema-newer', { database: client.url.display, found: version, known: SCHEMA_VERSION });
    return new PgTeamDatabase(client, version, connection.inventoryBatch ?? INVENTORY_BATCH);
  } catch (error) {
    await client.close();
    throw client.problemOf(error);
  }
}

interface Member {
  team: string;
  member: string;
  lead: boolean;
}

class PgTeamDatabase implements TeamDatabase {
  readonly #client: TeamClient;
  readonly #schemaVersion: number;
  #member: Member | null = null;

  readonly #inventoryBatch: number;

  constructor(client: TeamClient, schemaVersion: number, inventoryBatch: number) {
    this.#client = client;
    this.#schemaVersion = schemaVersion;
    this.#inventoryBatch = inventoryBatch;
  }

  /** Who current_user is in the team (asked once, then kept: a role belongs to one member of one team). */
  async #me(): Promise<Member> {
    if (this.#member) return this.#member;
    const r = await this.#client.run((c) => c.query<Member>('SELECT team, member, lead FROM keyturn.current_member()'));
    const row = r.rows[0];
    if (!row) return fail('team.no-membership', { role: this.#client.url.role, database: this.#client.url.display });
    this.#member = row;
    return row;
  }

  async identity(): Promise<TeamIdentity> {
    this.#member = null;
    const me = await this.#me();
    return { team: me.team, member: me.member, lead: me.lead, schemaVersion: this.#schemaVersion };
  }

  async deliver(delivery: TeamDelivery): Promise<{ head: TeamAuditHead | null }> {
    const me = await this.#me();
    const vaultId = delivery.vault.vaultId;
    return this.#client.transaction(async (c) => {
      // The vault's row first: its row lock makes two deliveries of one vault take turns.
      await c.query(
        `INSERT INTO keyturn.vaults (vault_id, team, member, machine, last_sync_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (vault_id) DO UPDATE SET machine = EXCLUDED.machine, last_sync_at = EXCLUDED.last_sync_at, left_at = NULL`,
        [vaultId, me.team, me.member, delivery.vault.machine],
      );
      const changes = newestPerKey(delivery.keys);
      for (let i = 0; i < changes.length; i += KEY_CHUNK) {
        await c.query(UPSERT_KEYS_SQL, [vaultId, me.team, me.member, ...upsertKeyParams(changes.slice(i, i + KEY_CHUNK))]);
      }
      // No FOR UPDATE on the head (that needs an UPDATE grant no member has): the vault row's lock, taken
      // above and held to COMMIT, already makes this read the newest head.
      const head = await readHead(c, vaultId);
      if (delivery.audit.length === 0) return { head };
      const overlap = delivery.audit.filter((e) => e.seq <= (head?.seq ?? 0));
      const held = new Map<number, string>();
      if (overlap.length > 0) {
        const seqs = overlap.map((e) => e.seq);
        const r = await c.query<{ seq: string; hash: string }>('SELECT seq, hash FROM keyturn.audit_entries WHERE vault_id = $1 AND seq BETWEEN $2 AND $3', [vaultId, Math.min(...seqs), Math.max(...seqs)]);
        for (const row of r.rows) held.set(Number(row.seq), row.hash);
      }
      const send = entriesToSend(delivery.audit, head, held);
      for (let i = 0; i < send.length; i += AUDIT_CHUNK) {
        const chunk = send.slice(i, i + AUDIT_CHUNK);
        try {
          await c.query(
            `INSERT INTO keyturn.audit_entries (vault_id, seq, team, line)
             SELECT $1, e.seq, $2, e.line FROM unnest($3::bigint[], $4::text[]) WITH ORDINALITY AS e(seq, line, n) ORDER BY e.n`,
            [vaultId, me.team, chunk.map((e) => e.seq), chunk.map((e) => e.line)],
          );
        } catch (error) {
          if ((error as { code?: unknown }).code === NOT_CHAINING_SQLSTATE) fail('team.log-diverged', { seq: (chunk[0] as { seq: number }).seq });
          throw error;
        }
      }
      const last = send.at(-1);
      return { head: last ? { seq: last.seq, hash: last.hash } : head };
    });
  }

  async auditHead(vaultId: string): Promise<TeamAuditHead | null> {
    return this.#client.run((c) => readHead(c, vaultId));
  }

  async auditHashes(vaultId: string): Promise<string[]> {
    const r = await this.#client.run((c) => c.query<{ hash: string }>('SELECT hash FROM keyturn.audit_entries WHERE vault_id = $1 ORDER BY seq', [vaultId]));
    return r.rows.map((row) => row.hash);
  }

  async *inventory(filter: Omit<TeamAuditFilter, 'state'>): AsyncIterable<StoredTeamKey[]> {
    const me = await this.#me();
    // Keyset pagination along keys_inventory: each batch starts after the last key of the one before.
    // The keys are taken first, on their own (ORDER BY + LIMIT on one table walks the index whatever
    // the planner's statistics), then their vaults: keys of vaults that left are dropped here, and the
    // cursor still moves past them.
    let after: [string, string, string, string] | null = null;
    for (;;) {
      const params: unknown[] = [me.team, filter.member ?? null, filter.env ?? null, this.#inventoryBatch];
      const cursor: string = after ? 'AND (k.member, k.ref, k.vault_id, k.key_id) > ($5, $6, $7, $8)' : '';
      if (after) params.push(...after);
      const r: pg.QueryResult<(string | null)[]> = await this.#client.transaction(async (c) => {
        // Right after a big delivery the table has no statistics yet, and the planner would sort all
        // of the team's keys for each batch: for this statement only, walking the index is the way.
        await c.query("SELECT set_config('enable_sort', 'off', true), set_config('enable_bitmapscan', 'off', true)");
        return c.query<(string | null)[]>({
          text: `SELECT ${STORED_KEY_TEXT_COLUMNS} FROM (
             SELECT * FROM keyturn.keys k
             WHERE k.team = $1 AND NOT k.removed AND ($2::text IS NULL OR k.member = $2) AND ($3::text IS NULL OR k.env = $3) ${cursor}
             ORDER BY k.member, k.ref, k.vault_id, k.key_id LIMIT $4
           ) k LEFT JOIN keyturn.vaults v ON v.vault_id = k.vault_id`,
          values: params,
          rowMode: 'array',
          types: TEXT_TYPES,
        });
      });
      // Put in order here (the join need not keep it), the same order as the index's ("C": by code point).
      const taken = r.rows.map(storedKeyOfText).sort((a, b) => inventoryOrder(a.key, b.key));
      const last: StoredTeamKey | undefined = taken.at(-1)?.key;
      if (!last) return;
      after = [last.member, last.ref, last.vaultId, last.keyId];
      const batch = taken.filter((t) => !t.vaultLeft).map((t) => t.key);
      if (batch.length > 0) yield batch;
      if (taken.length < this.#inventoryBatch) return;
    }
  }

  async findByFingerprint(fingerprint: string): Promise<StoredTeamKey[]> {
    const me = await this.#me();
    // The keys by their fingerprint index first (OFFSET 0 keeps the planner from starting at the
    // vaults when the table has no statistics yet), then their vaults.
    const r = await this.#client.run((c) =>
      c.query<(string | null)[]>({
        text: `SELECT ${STORED_KEY_TEXT_COLUMNS} FROM (
           SELECT * FROM keyturn.keys k WHERE k.fingerprint = $1 AND NOT k.removed AND k.team = $2 OFFSET 0
         ) k JOIN keyturn.vaults v ON v.vault_id = k.vault_id
         WHERE v.left_at IS NULL`,
        values: [fingerprint, me.team],
        rowMode: 'array',
        types: TEXT_TYPES,
      }),
    );
    return r.rows.map((row) => storedKeyOfText(row).key).sort(inventoryOrder);
  }

  async vaults(): Promise<TeamVault[]> {
    const me = await this.#me();
    const r = await this.#client.run((c) =>
      c.query<{ vault_id: string; member: string; machine: string; joined_at: Date; last_sync_at: Date | null }>(
        'SELECT vault_id, member, machine, joined_at, last_sync_at FROM keyturn.vaults WHERE team = $1 AND left_at IS NULL ORDER BY member, vault_id',
        [me.team],
      ),
    );
    return r.rows.map((v) => ({ vaultId: v.vault_id, member: v.member, machine: v.machine, joinedAt: v.joined_at.toISOString(), lastSyncAt: v.last_sync_at ? v.last_sync_at.toISOString() : null }));
  }

  async leave(vaultId: string): Promise<void> {
    await this.#me();
    await this.#client.run(async (c) => {
      const r = await c.query('UPDATE keyturn.vaults SET left_at = now() WHERE vault_id = $1 AND left_at IS NULL', [vaultId]);
      if (r.rowCount !== 0) return;
      // Nothing updated: fine when the vault never delivered (or left already), refused when it is another role's.
      const other = await c.query('SELECT 1 FROM keyturn.vaults WHERE vault_id = $1 AND role_name <> current_user', [vaultId]);
      if (other.rowCount !== 0) fail('team.write-refused', { reason: `vault ${vaultId} is another member's` });
    });
  }

  async policy(): Promise<TeamPolicy | null> {
    const me = await this.#me();
    const r = await this.#client.run((c) => c.query<{ policy: unknown }>('SELECT policy FROM keyturn.teams WHERE name = $1', [me.team]));
    const stored = r.rows[0]?.policy ?? null;
    if (stored === null) return null;
    const parsed = policySchema.safeParse(stored);
    if (!parsed.success) fail('team.database-failed', { reason: 'the team policy in the database is not a valid policy' });
    return parsed.data as TeamPolicy;
  }

  async setPolicy(policy: TeamPolicy | null): Promise<void> {
    const me = await this.identity();
    const action = 'set the team policy';
    if (!me.lead) fail('team.lead-only', { action });
    const checked = policy === null ? null : policySchema.parse(policy);
    try {
      const r = await this.#client.run((c) => c.query('UPDATE keyturn.teams SET policy = $2::jsonb WHERE name = $1', [me.team, checked === null ? null : JSON.stringify(checked)]));
      if (r.rowCount === 0) fail('team.lead-only', { action });
    } catch (error) {
      // The database's own refusal (no UPDATE grant, or the lead-only policy) says the same.
      if (this.#client.problemOf(error).problem.code === 'team.write-refused') fail('team.lead-only', { action });
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}

async function readHead(c: pg.ClientBase, vaultId: string): Promise<TeamAuditHead | null> {
  const r = await c.query<{ seq: string; hash: string }>('SELECT seq, hash FROM keyturn.audit_heads WHERE vault_id = $1', [vaultId]);
  const row = r.rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

/** One change per key (the highest revision): one upsert may not touch a row twice. */
function newestPerKey(keys: readonly KeyChange[]): KeyChange[] {
  const newest = new Map<string, KeyChange>();
  for (const k of keys) {
    const held = newest.get(k.keyId);
    if (!held || held.revision <= k.revision) newest.set(k.keyId, k);
  }
  return [...newest.values()];
}
