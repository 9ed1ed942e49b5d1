import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type ThrowawayPostgres } from '../../../../../scripts/postgres-server.mjs';
import { localLogLines } from '../../../../../electron/core/node/team/local-log.js';
import { openPgTeamDatabase } from '../../../../../electron/core/node/team/pg/pg-team-database.js';
import { readOutbox } from '../../../../../electron/core/node/team/outbox.js';
import type { TeamDatabase } from '../../../../../electron/core/ports/team-database.js';
import { makeTestTeam, teamLogOf, type TestTeam } from './team-fixture.js';
import { addKeys, type TeamTestVault } from './team-vault.js';
import { delegating } from './delegating-database.js';

/**
 * The server stopped in the middle of a sync and started again: nothing lost, nothing doubled. A
 * server of this file's own (the run's shared one serves other files meanwhile).
 */
describe('team sync with the server stopped mid-sync', () => {
  let server: ThrowawayPostgres;
  const teams: TestTeam[] = [];
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  afterEach(async () => {
    for (const t of teams.splice(0)) await t.close();
  });

  async function privateTeam(label: string): Promise<TestTeam> {
    const t = await makeTestTeam(label, async () => {
      const suffix = Math.random().toString(16).slice(2, 10);
      const database = `kt_${label}_${suffix}`;
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      await client.query(`CREATE DATABASE "${database}"`);
      await client.end();
      const url = new URL(server.url);
      url.pathname = `/${database}`;
      return { adminUrl: url.toString(), suffix };
    });
    teams.push(t);
    return t;
  }

  /** Connections whose deliveries call the hooks with n (the n-th delivery of that connection) before and after it. */
  function hooked(hook: { before?: (n: number) => void; after?: (n: number) => void }) {
    return async (connection: Parameters<typeof openPgTeamDatabase>[0]): Promise<TeamDatabase> => {
      const db = await openPgTeamDatabase(connection);
      let deliveries = 0;
      return delegating(db, {
        deliver: async (delivery) => {
          deliveries += 1;
          hook.before?.(deliveries);
          const done = await db.deliver(delivery);
          hook.after?.(deliveries);
          return done;
        },
      });
    };
  }

  async function expectTeamHoldsVault(t: TestTeam, v: TeamTestVault): Promise<void> {
    const keys = await t.sql<{ key_id: string }>('SELECT key_id FROM keyturn.keys WHERE vault_id = $1 AND NOT removed ORDER BY key_id', [v.vaultId]);
    expect(keys.map((k) => k.key_id)).toEqual(v.metadata.read().keys.map((k) => k.id).sort());
    expect(await teamLogOf(t, v.vaultId)).toEqual(localLogLines(v.home));
    expect(readOutbox(v.home)).toEqual([]);
  }

  it('loses nothing and doubles nothing when the server stops between two deliveries of one sync', async () => {
    const t = await privateTeam('stopbetween');
    let armed = false;
    // The first delivery once armed (the service keeps its connection, so earlier ones, of the join, were on it too).
    let armedDeliveries = 0;
    const alice = await t.member('alice', { deliveryChunk: 3, connectDatabase: hooked({ after: () => armed && ++armedDeliveries === 1 && server.pause() }) });
    await addKeys(alice, 8);
    armed = true;
    const stopped = await alice.team.sync();
    armed = false;
    expect(stopped.problem?.code).toMatch(/^team\.(unreachable|database-failed)$/);
    expect(stopped.waiting.keys).toBeGreaterThan(0);
    server.resume();
    // The first delivery of the sync was committed before the server stopped: part of it is there already.
    const partial = await t.sql<{ n: string }>('SELECT count(*) AS n FROM keyturn.keys WHERE vault_id = $1', [alice.vaultId]);
    expect(Number(partial[0]?.n)).toBe(3);
    expect((await alice.team.sync()).problem).toBeNull();
    await expectTeamHoldsVault(t, alice);
  }, 60_000);

  it('loses nothing and doubles nothing when the server stops as a delivery starts', async () => {
    const t = await privateTeam('stopduring');
    let armed = false;
    const alice = await t.member('alice', { connectDatabase: hooked({ before: () => armed && server.pause() }) });
    await addKeys(alice, 3);
    armed = true;
    const stopped = await alice.team.sync();
    armed = false;
    expect(stopped.problem?.code).toMatch(/^team\.(unreachable|database-failed)$/);
    const status = await alice.team.status({ probe: true });
    expect(status.reachable).toBe(false);
    server.resume();
    expect((await alice.team.sync()).problem).toBeNull();
    await expectTeamHoldsVault(t, alice);
  }, 60_000);
});
