// Publishing a 10,000-key vault to an empty team, and the incremental sync of one changed key:
// through TeamService.sync() of a real vault home (the app's composition: the store's outbox hook
// records each change, the audit log holds each entry), to a real PostgreSQL on 127.0.0.1.
import { openAppCore, type AppCore } from '../../electron/app/app-core.js';
import { KeytarSecretStore } from '../../electron/core/node/keychain/keytar-secret-store.js';
import { setKeyDates } from '../../electron/core/policy/policy-changes.js';
import type { ThrowawayPostgres } from '../../scripts/postgres-server.mjs';
import { benchTeam, generatedKeys, joinedVault, median, ms, runsOf, storeKeys, teamHome, within, type RecordResult } from './team-fixture.js';

const PUBLISH_KEYS = 10_000;
const RUNS = 3;
const INCREMENTS = 11;
const SYNC_LIMIT_MS = 120_000;

/** Key `n` of generatedKeys(): its instance is n % 40, whose org is (n % 40) % 8. */
const refOf = (n: number) => `nora/org${(n % 40) % 8}/inst${n % 40}/key-${n}`;

/** Syncs once, and checks it delivered everything (a bench that times a failed sync times nothing). */
async function syncAll(core: AppCore, expectedKeys: number | null): Promise<number> {
  const started = performance.now();
  const outcome = await within('a team sync', SYNC_LIMIT_MS, core.team.sync());
  const elapsed = performance.now() - started;
  if (outcome.problem) throw new Error(`the sync stopped short: ${JSON.stringify(outcome.problem)}`);
  if (outcome.waiting.keys !== 0 || outcome.waiting.auditEntries !== 0) throw new Error(`the sync left ${JSON.stringify(outcome.waiting)} waiting`);
  if (expectedKeys !== null && outcome.delivered.keys !== expectedKeys) throw new Error(`the sync delivered ${outcome.delivered.keys} keys, expected ${expectedKeys}`);
  return elapsed;
}

/** How many keys the team holds, as the member reads the inventory. */
async function teamKeys(core: AppCore): Promise<number> {
  let count = 0;
  for await (const batch of core.team.audit({})) count += batch.length;
  return count;
}

/** One changed key (its expiry, as `keyturn key set --expires` does: a store change and its audit entry), then the sync timed. */
async function incremental(core: AppCore, round: number): Promise<number> {
  const day = new Date(Date.UTC(2027, 0, 1) + round * 86_400_000).toISOString().slice(0, 10);
  await setKeyDates({ metadata: core.metadata, clock: core.clock, audit: core.audit }, refOf(round * 37 % PUBLISH_KEYS), { expiresOn: day });
  return syncAll(core, 1);
}

export async function benchTeamPublish(server: ThrowawayPostgres, record: RecordResult): Promise<void> {
  const written: number[] = [];
  const joined: number[] = [];
  const increments: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A vault joined to an empty team, then its 10,000 keys written through the store in one change.
    const team = await benchTeam(server, `pub${run}`);
    const core = await joinedVault(team, 'owner', { label: `publish${run}` });
    try {
      await storeKeys(core, generatedKeys(PUBLISH_KEYS));
      written.push(await syncAll(core, PUBLISH_KEYS));
      const held = await teamKeys(core);
      if (held !== PUBLISH_KEYS) throw new Error(`the team holds ${held} keys after the publish, expected ${PUBLISH_KEYS}`);
      for (let i = 0; i < INCREMENTS; i++) increments.push(await incremental(core, run * INCREMENTS + i));
    } finally {
      await core.close();
    }

    // A vault that already holds 10,000 keys joins an empty team: connecting checks the membership,
    // queues the whole vault and runs the first sync itself, so the connect is what is timed.
    const other = await benchTeam(server, `join${run}`);
    const url = await other.invite('owner');
    const existing = openAppCore(teamHome(`join${run}`), { name: 'the team bench', secrets: new KeytarSecretStore() });
    try {
      await storeKeys(existing, generatedKeys(PUBLISH_KEYS));
      const started = performance.now();
      const status = await within('a team connect', SYNC_LIMIT_MS, existing.team.connect({ url, team: other.team, member: 'owner' }));
      joined.push(performance.now() - started);
      if (status.problem || status.waiting.keys !== 0) throw new Error(`the first sync of a joining vault stopped short: ${JSON.stringify(status.problem ?? status.waiting)}`);
      const held = await teamKeys(existing);
      if (held !== PUBLISH_KEYS) throw new Error(`the team holds ${held} keys after the join, expected ${PUBLISH_KEYS}`);
    } finally {
      await existing.close();
    }
  }
  record(
    `team: publish a ${PUBLISH_KEYS.toLocaleString('en')}-key vault to an empty team (TeamService.sync; the keys written through the store of a joined vault)`,
    `${ms(median(written))} (median of ${RUNS}: ${runsOf(written)} ms)`,
    '< 3 s',
    median(written) < 3_000,
  );
  record(
    `team: the same, a vault already holding ${PUBLISH_KEYS.toLocaleString('en')} keys joining an empty team (TeamService.connect: its checks and its first sync)`,
    `${ms(median(joined))} (median of ${RUNS}: ${runsOf(joined)} ms)`,
    '< 3 s',
    median(joined) < 3_000,
  );
  record(
    `team: incremental sync of one changed key (its expiry set: 1 key row and 1 audit entry) in the ${PUBLISH_KEYS.toLocaleString('en')}-key vault`,
    `${ms(median(increments))} median of ${increments.length}, ${ms(Math.max(...increments))} max`,
    '< 50 ms',
    median(increments) < 50,
  );
}
