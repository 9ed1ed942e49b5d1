import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { localLogLines } from '../../../../../electron/core/node/team/local-log.js';
import { readOutbox } from '../../../../../electron/core/node/team/outbox.js';
import { readConnection } from '../../../../../electron/core/node/team/team-files.js';
import { TEAM_PASSWORD_ACCOUNT } from '../../../../../electron/core/team/team-connection.js';
import { makeTestTeam, teamLogOf, type TestTeam } from './team-fixture.js';
import { syncInChild } from './sync-in-child.js';
import { addKeys, type TeamTestVault } from './team-vault.js';

/** What the team holds of a vault equals the vault: every key once, at its newest revision, and the log line for line. */
async function expectTeamHoldsVault(t: TestTeam, v: TeamTestVault): Promise<void> {
  const keys = await t.sql<{ key_id: string }>('SELECT key_id FROM keyturn.keys WHERE vault_id = $1 AND NOT removed ORDER BY key_id', [v.vaultId]);
  expect(keys.map((k) => k.key_id)).toEqual(v.metadata.read().keys.map((k) => k.id).sort());
  expect(await teamLogOf(t, v.vaultId)).toEqual(localLogLines(v.home));
  expect(readOutbox(v.home)).toEqual([]);
  expect((await v.team.status({ probe: false })).waiting).toEqual({ keys: 0, auditEntries: 0 });
}

describe('team sync killed with SIGKILL, and run twice at once', () => {
  const teams: TestTeam[] = [];
  afterEach(async () => {
    for (const t of teams.splice(0)) await t.close();
  });

  async function memberWithChanges(label: string) {
    const t = await makeTestTeam(label);
    teams.push(t);
    const alice = await t.member('alice');
    await addKeys(alice, 4);
    const password = (await alice.secrets.get(alice.deps.keychainService, TEAM_PASSWORD_ACCOUNT)) as string;
    return { t, alice, password };
  }

  for (const point of ['before-deliver', 'after-commit'] as const) {
    it(`loses nothing and doubles nothing when killed ${point === 'before-deliver' ? 'connected, before delivering' : 'after the commit, before the cursor is written'}`, async () => {
      const { t, alice, password } = await memberWithChanges('kill');
      const run = syncInChild({ home: alice.home, password, hangAt: point });
      expect(await run.hung).toBe(point);
      run.child.kill('SIGKILL');
      expect((await run.exited).signal).toBe('SIGKILL');
      const again = await alice.team.sync();
      expect(again.problem).toBeNull();
      await expectTeamHoldsVault(t, alice);
    }, 60_000);
  }

  it('loses nothing and doubles nothing when killed while its transaction is open', async () => {
    const { t, alice, password } = await memberWithChanges('killtx');
    const role = readConnection(alice.home)!.role;
    // The superuser holds the keys table, so the child's delivery waits inside its open transaction.
    const blocker = new pg.Client({ connectionString: t.adminUrl });
    // Another session watches: pg_stat_activity holds still for the length of a transaction.
    const watcher = new pg.Client({ connectionString: t.adminUrl });
    await blocker.connect();
    await watcher.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE keyturn.keys IN ACCESS EXCLUSIVE MODE');
      const run = syncInChild({ home: alice.home, password });
      let waiting: { xact_start: Date | null }[] = [];
      while (waiting.length === 0) {
        waiting = (await watcher.query("SELECT xact_start FROM pg_stat_activity WHERE usename = $1 AND wait_event_type = 'Lock'", [role])).rows as { xact_start: Date | null }[];
        if (run.child.exitCode !== null) throw new Error(`the sync ended before it waited: ${(await run.exited).out}`);
      }
      expect(waiting[0]?.xact_start).not.toBeNull();
      run.child.kill('SIGKILL');
      expect((await run.exited).signal).toBe('SIGKILL');
      await blocker.query('ROLLBACK');
    } finally {
      await blocker.end();
      await watcher.end();
    }
    const again = await alice.team.sync();
    expect(again.problem).toBeNull();
    await expectTeamHoldsVault(t, alice);
  }, 60_000);

  it('lets two processes of one member sync at once: one waits for the other, nothing is delivered twice', async () => {
    const { t, alice, password } = await memberWithChanges('twice');
    const waitingBefore = (await alice.team.status({ probe: false })).waiting;
    const [one, two] = [syncInChild({ home: alice.home, password }), syncInChild({ home: alice.home, password })];
    const results = await Promise.all([one.exited, two.exited]);
    for (const r of results) expect(r.outcome?.problem, r.out).toBeNull();
    const delivered = results.map((r) => r.outcome?.delivered.auditEntries ?? -1);
    expect(delivered.reduce((a, b) => a + b, 0)).toBe(waitingBefore.auditEntries);
    expect(Math.min(...delivered)).toBe(0);
    await expectTeamHoldsVault(t, alice);
  }, 60_000);
});
