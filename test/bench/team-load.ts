// 20 members syncing at once for 30 s on loopback: each changes keys of its own vault (a store change
// and its audit entry, as `keyturn key set --expires` makes) and syncs, in a loop that ends by itself.
// Afterwards every member syncs what is left, and the database is checked against each vault: it
// holds exactly each member's latest key rows and every audit entry, line for line.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { AppCore } from '../../electron/app/app-core.js';
import { sha256 } from '../../electron/core/node/audit/audit-log.js';
import { ensureVaultIdentity } from '../../electron/core/node/store/home.js';
import { openPgTeamDatabase } from '../../electron/core/node/team/pg/pg-team-database.js';
import { setKeyDates } from '../../electron/core/policy/policy-changes.js';
import type { StoredTeamKey } from '../../electron/core/team/team-audit.js';
import { teamKeyRows, type TeamKeyRow } from '../../electron/core/team/team-key-row.js';
import type { ThrowawayPostgres } from '../../scripts/postgres-server.mjs';
import { benchTeam, generatedKeys, joinedVault, median, ms, storeKeys, within, type RecordResult } from './team-fixture.js';

const MEMBERS = 20;
const KEYS_PER_MEMBER = 200;
const LOAD_MS = 30_000;
/** Any one sync under load that takes longer than this ends the bench (bounded: nothing runs forever). */
const SYNC_LIMIT_MS = 30_000;
const DRAIN_ATTEMPTS = 5;

const refOf = (n: number) => `nora/org${(n % 40) % 8}/inst${n % 40}/key-${n}`;

/** What must match between a vault and the team's copy of its key: everything its holder published that does not move with time. */
const stable = (row: TeamKeyRow | StoredTeamKey) =>
  JSON.stringify([row.keyId, row.ref, row.maskedKey, row.fingerprint, row.status, row.createdAt, row.expiresOn, row.maxAgeDays, row.lastVerification, row.lastRotation, row.usageSites]);

interface MemberLoad {
  core: AppCore;
  member: string;
  vaultId: string;
  changes: number;
  syncs: number;
  deliveredKeys: number;
  deliveredAudit: number;
  problems: Map<string, number>;
  latencies: number[];
}

async function memberLoop(load: MemberLoad, seed: number, until: number): Promise<void> {
  let round = 0;
  while (performance.now() < until) {
    // One to three changes, then a sync: a person's edits come in small bursts.
    const burst = 1 + ((seed + round) % 3);
    for (let c = 0; c < burst; c++) {
      const n = (seed * 7919 + round * 104_729 + c * 31) % KEYS_PER_MEMBER;
      const day = new Date(Date.UTC(2027, 0, 1) + ((round * 3 + c) % 700) * 86_400_000).toISOString().slice(0, 10);
      await setKeyDates({ metadata: load.core.metadata, clock: load.core.clock, audit: load.core.audit }, refOf(n), { expiresOn: day });
      load.changes++;
    }
    const started = performance.now();
    const outcome = await within(`${load.member}'s sync`, SYNC_LIMIT_MS, load.core.team.sync());
    load.latencies.push(performance.now() - started);
    load.syncs++;
    load.deliveredKeys += outcome.delivered.keys;
    load.deliveredAudit += outcome.delivered.auditEntries;
    if (outcome.problem) load.problems.set(outcome.problem.code, (load.problems.get(outcome.problem.code) ?? 0) + 1);
    round++;
  }
}

export async function benchTeamLoad(server: ThrowawayPostgres, record: RecordResult): Promise<void> {
  const team = await benchTeam(server, 'load');
  const leadUrl = await team.invite('lead', true);
  const loads: MemberLoad[] = [];
  try {
    for (let m = 0; m < MEMBERS; m++) {
      const member = `member${String(m).padStart(2, '0')}`;
      const core = await joinedVault(team, member, { label: `load${m}` });
      loads.push({ core, member, vaultId: ensureVaultIdentity(core.home), changes: 0, syncs: 0, deliveredKeys: 0, deliveredAudit: 0, problems: new Map(), latencies: [] });
      await storeKeys(core, generatedKeys(KEYS_PER_MEMBER));
      const first = await core.team.sync();
      if (first.problem || first.waiting.keys !== 0) throw new Error(`${member}'s first publish stopped short: ${JSON.stringify(first.problem ?? first.waiting)}`);
    }

    const started = performance.now();
    const until = started + LOAD_MS;
    const cpuBefore = process.cpuUsage();
    await Promise.all(loads.map((load, m) => memberLoop(load, m, until)));
    const elapsedS = (performance.now() - started) / 1000;
    // How much of a core the members' own work took (the store changes, the syncs' bookkeeping): on a
    // shared 2-core machine this process's share of the CPU bounds the rate, not the database.
    const cpu = process.cpuUsage(cpuBefore);
    const cores = (cpu.user + cpu.system) / 1e6 / elapsedS;
    const load1 = loadavg()[0] ?? NaN;

    // What is left in each outbox (a change made while its sync ran) goes now.
    for (const load of loads) {
      await load.core.auditLog.flush();
      for (let attempt = 0; ; attempt++) {
        const outcome = await within(`${load.member}'s last sync`, SYNC_LIMIT_MS, load.core.team.sync());
        load.deliveredKeys += outcome.delivered.keys;
        load.deliveredAudit += outcome.delivered.auditEntries;
        if (!outcome.problem && outcome.waiting.keys === 0 && outcome.waiting.auditEntries === 0) break;
        if (attempt >= DRAIN_ATTEMPTS) throw new Error(`${load.member}'s outbox did not empty: ${JSON.stringify(outcome)}`);
      }
    }

    // The database against each vault, read as the lead.
    const lead = await openPgTeamDatabase({ url: leadUrl, password: decodeURIComponent(new URL(leadUrl).password) });
    let wrongKeys = 0;
    let wrongAudit = 0;
    let auditEntries = 0;
    try {
      for (const load of loads) {
        const local = new Map(teamKeyRows(load.core.metadata.read(), new Date()).map((row) => [row.keyId, stable(row)]));
        const held = new Map<string, string>();
        for await (const batch of lead.inventory({ member: load.member })) for (const row of batch) if (row.vaultId === load.vaultId) held.set(row.keyId, stable(row));
        for (const [keyId, row] of local) if (held.get(keyId) !== row) wrongKeys++;
        for (const keyId of held.keys()) if (!local.has(keyId)) wrongKeys++;
        const lines = readFileSync(load.core.auditLog.path, 'utf8').split('\n').filter((line) => line.length > 0);
        const hashes = await lead.auditHashes(load.vaultId);
        auditEntries += lines.length;
        if (hashes.length !== lines.length) wrongAudit += Math.abs(hashes.length - lines.length);
        lines.forEach((line, i) => {
          if (hashes[i] !== undefined && hashes[i] !== sha256(line)) wrongAudit++;
        });
      }
    } finally {
      await lead.close();
    }

    const changes = loads.reduce((a, l) => a + l.changes, 0);
    const syncs = loads.reduce((a, l) => a + l.syncs, 0);
    const deliveredKeys = loads.reduce((a, l) => a + l.deliveredKeys, 0);
    const deliveredAudit = loads.reduce((a, l) => a + l.deliveredAudit, 0);
    const problems = new Map<string, number>();
    for (const l of loads) for (const [code, n] of l.problems) problems.set(code, (problems.get(code) ?? 0) + n);
    const stoppedShort = [...problems.values()].reduce((a, b) => a + b, 0);
    const latencies = loads.flatMap((l) => l.latencies).sort((a, b) => a - b);
    const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? NaN;
    record(
      `team: ${MEMBERS} members changing keys and syncing at once for ${LOAD_MS / 1000} s (loopback, one process, ${KEYS_PER_MEMBER} keys each)`,
      `${(changes / elapsedS).toFixed(0)} changes/s made and delivered (${changes.toLocaleString('en')} changes in ${syncs.toLocaleString('en')} syncs = ${(syncs / elapsedS).toFixed(0)} syncs/s; ${deliveredKeys.toLocaleString('en')} key rows and ${deliveredAudit.toLocaleString('en')} audit entries delivered); a sync under load ${ms(median(latencies))} median, ${ms(p95)} p95; ${stoppedShort} syncs stopped short${stoppedShort > 0 ? ` (${[...problems].map(([code, n]) => `${code} ×${n}`).join(', ')}: delivered by a later sync)` : ''}; this process used ${cores.toFixed(2)} of the 2 cores, load average ${load1.toFixed(1)} at the end`,
      'reported',
      true,
    );
    record(
      `team: after the load, the database against every vault (key rows as each vault holds them, audit entries line for line)`,
      `${wrongKeys} key rows lost or different of ${(MEMBERS * KEYS_PER_MEMBER).toLocaleString('en')}; ${wrongAudit} audit entries missing or different of ${auditEntries.toLocaleString('en')}`,
      '0 lost',
      wrongKeys === 0 && wrongAudit === 0 && deliveredAudit >= changes,
    );
  } finally {
    for (const load of loads) await load.core.close();
  }
}
