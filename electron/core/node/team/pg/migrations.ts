import type pg from 'pg';
import { SCHEMA_V1 } from './schema-v1.js';

/**
 * The schema's versioned, forward-only migrations, as numbered SQL in the code.
 *
 * The approach is node-pg-migrate's and Flyway's: each migration has a number and a name, runs
 * once, in order, and is recorded in `keyturn.schema_migrations`; all pending ones run in one
 * transaction under an advisory lock, so two `team init` at once apply each migration once and a
 * failure leaves the schema as it was. Not node-pg-migrate itself: it loads migration files from a
 * folder at run time, and the CLI ships as a single-file bundle with no such folder. A migration
 * is never edited once released; a change is a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'team inventory', sql: SCHEMA_V1 }];

/** The newest schema version this Keyturn knows: `team connect` refuses a database with a newer one. */
export const SCHEMA_VERSION = 1;

// Any constant will do: every Keyturn that migrates takes the same one.
const MIGRATION_LOCK = 7_295_118_406;

/** The schema version the database holds, or null when it holds no Keyturn schema. */
export async function readSchemaVersion(client: pg.ClientBase): Promise<number | null> {
  const found = await client.query<{ table: string | null }>(`SELECT to_regclass('keyturn.schema_migrations')::text AS table`);
  if (found.rows[0]?.table === null || found.rows[0]?.table === undefined) return null;
  const version = await client.query<{ version: number | null }>('SELECT max(version)::int AS version FROM keyturn.schema_migrations');
  return version.rows[0]?.version ?? null;
}

export type MigrationOutcome =
  | { state: 'applied'; version: number; applied: number[] }
  /** The database's schema is newer than this Keyturn knows: nothing was changed. */
  | { state: 'newer'; version: number };

/** Applies the pending migrations in one transaction under the advisory lock (idempotent: none pending, nothing done). */
export async function applyMigrations(client: pg.ClientBase): Promise<MigrationOutcome> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE SCHEMA IF NOT EXISTS keyturn');
    await client.query(`CREATE TABLE IF NOT EXISTS keyturn.schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = await client.query<{ version: number }>('SELECT version FROM keyturn.schema_migrations ORDER BY version');
    const held = new Set(done.rows.map((r) => r.version));
    const newest = Math.max(0, ...held);
    if (newest > SCHEMA_VERSION) {
      await client.query('ROLLBACK');
      return { state: 'newer', version: newest };
    }
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (held.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO keyturn.schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return { state: 'applied', version: Math.max(newest, ...applied), applied };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
