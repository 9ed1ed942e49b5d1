import * as z from 'zod';
import type { Problem } from '../domain/problems/catalogue.js';

/**
 * `team.json` in the vault home: which team database this vault is joined to, as whom. The URL is
 * kept without its password (that is in the keychain, account TEAM_PASSWORD_ACCOUNT).
 */
export const teamConnectionSchema = z.object({
  /** postgresql://ROLE@HOST:PORT/DATABASE?sslmode=… — never with a password. */
  url: z.string().min(1),
  team: z.string().min(1),
  member: z.string().min(1),
  role: z.string().min(1),
  lead: z.boolean(),
  machine: z.string().min(1),
  connectedAt: z.string(),
});
export type TeamConnection = z.infer<typeof teamConnectionSchema>;

/** `team-admin.json`: the administrator's connection `team init` used, kept for `team invite` (password in the keychain). */
export const teamAdminSchema = z.object({ url: z.string().min(1), team: z.string().min(1), initializedAt: z.string() });
export type TeamAdmin = z.infer<typeof teamAdminSchema>;

/** The keychain accounts (in the vault's own service) of the member's and the administrator's database passwords. */
export const TEAM_PASSWORD_ACCOUNT = 'team:database-password';
export const TEAM_ADMIN_PASSWORD_ACCOUNT = 'team:admin-password';

/** What one sync did: how much it delivered, and what still waits (with why, when it could not deliver). */
export interface TeamSyncOutcome {
  delivered: { keys: number; auditEntries: number };
  waiting: TeamWaiting;
  /** Why it stopped short (the database unreachable, a wrong password, a refused write); null when all was delivered. */
  problem: Problem | null;
  at: string;
}

/** Changes in the outbox not yet delivered: key changes (distinct keys) and audit entries. */
export interface TeamWaiting {
  keys: number;
  auditEntries: number;
}

/** `team status`: the connection, whether the database answers, the last sync and what waits. */
export interface TeamStatus {
  connected: boolean;
  team: string | null;
  member: string | null;
  machine: string | null;
  lead: boolean;
  /** Where the database is, for people: `HOST:PORT/DATABASE` (no role, no password). */
  database: string | null;
  /** Whether the database answered just now; null when not asked (not connected, or a status that did not probe). */
  reachable: boolean | null;
  /** Why it did not answer, or refused: a `team.*` problem. */
  problem: Problem | null;
  lastSyncAt: string | null;
  waiting: TeamWaiting;
}
