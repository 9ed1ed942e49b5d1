// The schema's migrations and what opening a database checks: none, newer, wrong password, no server.
import { createServer, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { initTeam, inviteMember } from '../../../../../../electron/core/node/team/pg/admin.js';
import { MIGRATIONS, SCHEMA_VERSION, applyMigrations, readSchemaVersion } from '../../../../../../electron/core/node/team/pg/migrations.js';
import { openPgTeamDatabase } from '../../../../../../electron/core/node/team/pg/pg-team-database.js';
import { freshTeamDatabase } from '../../../../../support/team-database.js';

const clients: pg.Client[] = [];
afterAll(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
});
async function adminClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  clients.push(client);
  return client;
}

describe('migrations', () => {
  it('apply once, in one go, and a second run changes nothing', async () => {
    const { adminUrl } = await freshTeamDatabase('migrate');
    const client = await adminClient(adminUrl);
    expect(await readSchemaVersion(client)).toBeNull();
    expect(await applyMigrations(client)).toEqual({ state: 'applied', version: SCHEMA_VERSION, applied: MIGRATIONS.map((m) => m.version) });
    expect(await applyMigrations(client)).toEqual({ state: 'applied', version: SCHEMA_VERSION, applied: [] });
    expect(await readSchemaVersion(client)).toBe(SCHEMA_VERSION);
    const recorded = await client.query('SELECT version, name FROM keyturn.schema_migrations ORDER BY version');
    expect(recorded.rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  });

  it('two inits at once apply each migration once (the advisory lock)', async () => {
    const { adminUrl, suffix } = await freshTeamDatabase('migrate2');
    const results = await Promise.all([initTeam({ url: adminUrl, password: '', team: `a-${suffix}` }), initTeam({ url: adminUrl, password: '', team: `a-${suffix}` })]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    const client = await adminClient(adminUrl);
    expect((await client.query('SELECT count(*)::int AS n FROM keyturn.schema_migrations')).rows[0]).toEqual({ n: MIGRATIONS.length });
    expect(await initTeam({ url: adminUrl, password: '', team: `a-${suffix}` })).toEqual({ team: `a-${suffix}`, schemaVersion: SCHEMA_VERSION, created: false });
  });

  it('a database with no schema is team.schema-missing', async () => {
    const { adminUrl } = await freshTeamDatabase('missing');
    await expect(openPgTeamDatabase({ url: adminUrl, password: '' })).rejects.toMatchObject({ problem: { code: 'team.schema-missing' } });
  });

  it('refuses a database whose schema is newer than this Keyturn knows (team.schema-newer), and changes nothing', async () => {
    const { adminUrl, suffix } = await freshTeamDatabase('newer');
    const team = `n-${suffix}`;
    await initTeam({ url: adminUrl, password: '', team });
    const invited = await inviteMember({ url: adminUrl, password: '', team, member: 'ann', lead: false });
    const client = await adminClient(adminUrl);
    await client.query("INSERT INTO keyturn.schema_migrations (version, name) VALUES ($1, 'from the future')", [SCHEMA_VERSION + 1]);
    const newer = { problem: { code: 'team.schema-newer', found: SCHEMA_VERSION + 1, known: SCHEMA_VERSION } };
    await expect(openPgTeamDatabase({ url: invited.url, password: '' })).rejects.toMatchObject(newer);
    await expect(initTeam({ url: adminUrl, password: '', team: `other-${suffix}` })).rejects.toMatchObject(newer);
    await expect(inviteMember({ url: adminUrl, password: '', team, member: 'bob', lead: false })).rejects.toMatchObject(newer);
    expect((await client.query('SELECT count(*)::int AS n FROM keyturn.teams')).rows[0]).toEqual({ n: 1 });
  });
});

describe('connecting', () => {
  it('a wrong password is team.auth-failed, naming the role and never the password', async () => {
    const { adminUrl, suffix } = await freshTeamDatabase('auth');
    const team = `p-${suffix}`;
    await initTeam({ url: adminUrl, password: '', team });
    const invited = await inviteMember({ url: adminUrl, password: '', team, member: 'ann', lead: false });
    const wrong = 'definitely-not-the-password';
    const error = await openPgTeamDatabase({ url: new URL(invited.url).toString().replace(/:[^:@/]+@/, '@'), password: wrong }).catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: { code: 'team.auth-failed', role: invited.role } });
    expect(JSON.stringify((error as { problem: unknown }).problem)).not.toContain(wrong);
    expect(String((error as Error).message)).not.toContain(wrong);
  });

  it('a port nobody listens on is team.unreachable, quickly', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port: p } = server.address() as { port: number };
        server.close(() => resolve(p));
      });
    });
    const started = Date.now();
    await expect(openPgTeamDatabase({ url: `postgresql://ann@127.0.0.1:${port}/team`, password: 'pw', connectTimeoutMs: 1000 })).rejects.toMatchObject({ problem: { code: 'team.unreachable', database: `127.0.0.1:${port}/team` } });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a server that accepts the connection but never answers is team.unreachable within the timeout', async () => {
    const silent = createServer(() => undefined);
    const sockets: Socket[] = [];
    silent.on('connection', (s) => sockets.push(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const started = Date.now();
      await expect(openPgTeamDatabase({ url: `postgresql://ann@127.0.0.1:${port}/team`, password: 'pw', connectTimeoutMs: 300 })).rejects.toMatchObject({ problem: { code: 'team.unreachable' } });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('TLS asked of a server that has none is team.tls-failed, not a plain connection', async () => {
    const { adminUrl } = await freshTeamDatabase('tls');
    const url = `${adminUrl}${adminUrl.includes('?') ? '&' : '?'}sslmode=require`;
    await expect(openPgTeamDatabase({ url, password: '' })).rejects.toMatchObject({ problem: { code: 'team.tls-failed' } });
  });

  it('a role that is no member of the team is team.no-membership', async () => {
    const { adminUrl, suffix } = await freshTeamDatabase('nomember');
    await initTeam({ url: adminUrl, password: '', team: `q-${suffix}` });
    const db = await openPgTeamDatabase({ url: adminUrl, password: '' });
    try {
      await expect(db.identity()).rejects.toMatchObject({ problem: { code: 'team.no-membership', role: 'postgres' } });
    } finally {
      await db.close();
    }
  });
});
