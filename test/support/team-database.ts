import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { POSTGRES_URL_ENV } from '../../scripts/postgres-server.mjs';

/** The run's throwaway server (started once by test/support/postgres-global-setup.ts), as its administrator's URL. */
export function postgresServerUrl(): string {
  const url = process.env[POSTGRES_URL_ENV];
  if (!url) throw new Error(`${POSTGRES_URL_ENV} is not set: run the tests through vitest (its global setup starts the server)`);
  return url;
}

/**
 * A database of its own on the run's server, for one test file (or one test): the administrator's
 * URL to it, and a suffix to make the file's team and member names (roles are server-wide) unique.
 */
export async function freshTeamDatabase(label = 'test'): Promise<{ adminUrl: string; suffix: string; database: string }> {
  const suffix = randomBytes(4).toString('hex');
  const database = `kt_${label.replace(/[^a-z0-9]/g, '_').slice(0, 30)}_${suffix}`;
  const server = postgresServerUrl();
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const url = new URL(server);
  url.pathname = `/${database}`;
  return { adminUrl: url.toString(), suffix, database };
}
