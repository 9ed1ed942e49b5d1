import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';
import { problemSchema } from '../../domain/problems/catalogue.js';
import { fail } from '../../domain/problems/problem-error.js';
import { teamAdminSchema, teamConnectionSchema, type TeamAdmin, type TeamConnection } from '../../team/team-connection.js';
import type { TeamPolicy } from '../../ports/team-database.js';

export const TEAM_FILE = 'team.json';
export const TEAM_ADMIN_FILE = 'team-admin.json';
export const TEAM_SYNC_FILE = 'team-sync.json';
export const TEAM_OUTBOX_FILE = 'team-outbox.jsonl';
export const TEAM_SYNC_LOCK_FILE = 'team-sync.lock';

const days = z.number().int().positive();
const envDays = z.object({ production: days.optional(), sandbox: days.optional() });
/** The team policy as the database hands it out and team-sync.json caches it. */
export const teamPolicySchema = z.object({
  defaults: z.object({ production: days, sandbox: days }).optional(),
  providers: z.record(z.string(), envDays).optional(),
  instances: z.record(z.string(), days).optional(),
});

/**
 * `team-sync.json`: how far delivery got. `deliveredN` is the newest outbox entry delivered (every
 * entry up to it is), `deliveredSeq` the newest audit entry the team holds of this vault, `lastN`
 * the newest outbox entry ever recorded (so numbers are never reused once the outbox is compacted).
 */
export const teamSyncStateSchema = z.object({
  deliveredN: z.number().int().nonnegative(),
  deliveredSeq: z.number().int().nonnegative(),
  lastN: z.number().int().nonnegative(),
  lastSyncAt: z.string().nullable(),
  lastProblem: problemSchema.nullable(),
  policy: teamPolicySchema.nullable(),
});
export type TeamSyncState = z.infer<typeof teamSyncStateSchema>;

export const EMPTY_SYNC_STATE: TeamSyncState = { deliveredN: 0, deliveredSeq: 0, lastN: 0, lastSyncAt: null, lastProblem: null, policy: null };

function readJson<T>(home: string, file: string, schema: z.ZodType<T>): T | null {
  const path = join(home, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return fail('team.state-unreadable', { file: path, reason: error instanceof Error ? error.message : String(error) });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('team.state-unreadable', { file: path, reason: 'it is not JSON' });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('team.state-unreadable', { file: path, reason: `${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}` });
  }
  return parsed.data;
}

function writeJson(home: string, file: string, value: unknown): void {
  writeFileAtomic.sync(join(home, file), `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
}

/** The cheap check the outbox recorder makes on every write. */
export function isJoined(home: string): boolean {
  return existsSync(join(home, TEAM_FILE));
}

export function readConnection(home: string): TeamConnection | null {
  return readJson(home, TEAM_FILE, teamConnectionSchema);
}

export function writeConnection(home: string, connection: TeamConnection): void {
  writeJson(home, TEAM_FILE, teamConnectionSchema.parse(connection));
}

export function readAdmin(home: string): TeamAdmin | null {
  return readJson(home, TEAM_ADMIN_FILE, teamAdminSchema);
}

export function writeAdmin(home: string, admin: TeamAdmin): void {
  writeJson(home, TEAM_ADMIN_FILE, teamAdminSchema.parse(admin));
}

export function readSyncState(home: string): TeamSyncState {
  return readJson(home, TEAM_SYNC_FILE, teamSyncStateSchema) ?? EMPTY_SYNC_STATE;
}

export function writeSyncState(home: string, state: TeamSyncState): void {
  writeJson(home, TEAM_SYNC_FILE, teamSyncStateSchema.parse(state));
}

/** The cached team policy, or null (not joined, never synced, or a file that cannot be read: a ceiling is never guessed). */
export function cachedTeamPolicy(home: string): TeamPolicy | null {
  try {
    return isJoined(home) ? readSyncState(home).policy : null;
  } catch {
    return null;
  }
}

/** `team disconnect`: the member's connection, its delivery state and its outbox go (the administrator's connection stays). */
export function removeMemberFiles(home: string): void {
  for (const file of [TEAM_FILE, TEAM_SYNC_FILE, TEAM_OUTBOX_FILE]) rmSync(join(home, file), { force: true });
}
