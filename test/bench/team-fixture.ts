// What the team benches share: a database of their own on the bench's throwaway PostgreSQL, a team
// in it (`team init`'s code), members invited (`team invite`'s code), vault homes joined to it
// through the app's own composition (openAppCore: the real store, its outbox hook, the audit log),
// and generated key metadata like the 10,000-key vault of run.ts (metadata only, no secret).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openAppCore, type AppCore } from '../../electron/app/app-core.js';
import type { Instance, KeyRecord, VaultDocument } from '../../electron/core/domain/model.js';
import { KeytarSecretStore } from '../../electron/core/node/keychain/keytar-secret-store.js';
import { initTeam, inviteMember } from '../../electron/core/node/team/pg/admin.js';
import type { ThrowawayPostgres } from '../../scripts/postgres-server.mjs';

export type RecordResult = (what: string, measured: string, target: string, ok: boolean) => void;

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
export const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
export const runsOf = (xs: readonly number[]) => xs.map((x) => x.toFixed(x < 10 ? 1 : 0)).join(', ');

const homes: string[] = [];
/** A fresh vault home (removed by the caller's cleanup with every other bench home). */
export function teamHome(label: string): string {
  const home = mkdtempSync(join(tmpdir(), `keyturn-bench-team-${label}-`));
  homes.push(home);
  return home;
}
export function teamHomes(): readonly string[] {
  return homes;
}

/** A team of its own on the server: a fresh database, the schema applied and the team created by `team init`'s code. */
export interface BenchTeam {
  team: string;
  /** The administrator's URL to the team's database (with the password). */
  adminUrl: string;
  adminPassword: string;
  /** `team invite`: the member's own URL (password in it). */
  invite(member: string, lead?: boolean): Promise<string>;
}

export async function benchTeam(server: ThrowawayPostgres, team: string): Promise<BenchTeam> {
  const database = `kt_bench_${team}_${randomBytes(3).toString('hex')}`;
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  const adminUrl = url.toString();
  await initTeam({ url: adminUrl, password: server.password, team });
  return {
    team,
    adminUrl,
    adminPassword: server.password,
    invite: async (member, lead = false) => (await inviteMember({ url: adminUrl, password: server.password, team, member, lead })).url,
  };
}

/**
 * ANALYZE as the administrator: the planner's statistics after a bulk load, as autovacuum gathers
 * them within a minute of one (right after 100,000 rows went in, it still plans for an empty table).
 */
export async function analyzeTeamTables(team: BenchTeam): Promise<void> {
  const client = new pg.Client({ connectionString: team.adminUrl });
  await client.connect();
  try {
    await client.query('ANALYZE keyturn.keys; ANALYZE keyturn.vaults; ANALYZE keyturn.audit_entries');
  } finally {
    await client.end();
  }
}

/** A vault home joined to the team as `member`, through the app's composition (what the desktop and browser mode run). */
export async function joinedVault(team: BenchTeam, member: string, options: { lead?: boolean; label?: string } = {}): Promise<AppCore> {
  const url = await team.invite(member, options.lead ?? false);
  const core = openAppCore(teamHome(options.label ?? member), { name: 'the team bench', secrets: new KeytarSecretStore() });
  await core.team.connect({ url, team: team.team, member });
  return core;
}

/** `count` key records over 40 instances (as run.ts's 10,000-key vault): metadata only, each with a reference site. */
export function generatedKeys(count: number, now = new Date().toISOString()): { instances: Instance[]; keys: KeyRecord[] } {
  const instances: Instance[] = Array.from({ length: 40 }, (_, i) => ({
    id: randomUUID(), provider: 'nora', org: `org${i % 8}`, name: `inst${i}`, env: i % 2 ? 'production' : 'sandbox',
    baseUrl: i % 2 ? 'https://api.nora.finance' : 'https://staging.api.nora.finance', createdAt: now,
  }));
  const keys: KeyRecord[] = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(), instanceId: (instances[i % instances.length] as Instance).id, name: `key-${i}`,
    maskedKey: `sk_${i % 2 ? 'live' : 'test'}_${randomBytes(3).toString('hex')}…`, fingerprint: randomBytes(32).toString('hex'),
    createdAt: now, expiresOn: '2027-06-30', maxAgeDays: 90, status: 'active', targets: [],
    referenceSites: [{ file: `/srv/app${i % 17}/config/settings.yaml`, line: 1 + (i % 90), by: 'name', seenAt: now }],
    lastVerification: { at: now, result: 'valid', httpStatus: 200, revoked: false, reason: 'accepted' },
  }));
  return { instances, keys };
}

/** Writes the keys into the vault through its metadata store (one change: the outbox hook records every key of it). */
export async function storeKeys(core: AppCore, generated: { instances: Instance[]; keys: KeyRecord[] }): Promise<void> {
  await core.metadata.update((doc: VaultDocument) => ({ doc: { ...doc, instances: [...doc.instances, ...generated.instances], keys: [...doc.keys, ...generated.keys] }, result: undefined }));
}

/** Deadline for any one step of a load: a step that hangs ends the bench instead of running forever. */
export async function within<T>(what: string, limitMs: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${limitMs} ms`)), limitMs)))]);
  } finally {
    clearTimeout(timer);
  }
}
