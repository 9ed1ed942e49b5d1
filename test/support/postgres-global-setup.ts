// Vitest's global setup: one throwaway PostgreSQL server for the whole run (not one per test),
// shared by every test file through KEYTURN_TEST_POSTGRES_URL; each file makes its own database on
// it (test/support/team-database.ts). A server already named by the variable is used as it is.
import { POSTGRES_URL_ENV, startPostgres } from '../../scripts/postgres-server.mjs';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env[POSTGRES_URL_ENV]) return undefined;
  const server = await startPostgres();
  process.env[POSTGRES_URL_ENV] = server.url;
  return async () => {
    await server.stop();
  };
}
