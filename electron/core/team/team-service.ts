import type { Environment } from '../domain/model.js';
import type { LogProblem } from '../audit/audit-entry.js';
import type { TeamAuditFilter, TeamAuditRow } from './team-audit.js';
import type { TeamStatus, TeamSyncOutcome } from './team-connection.js';
import type { TeamPolicy, TeamVault } from '../ports/team-database.js';
import type { UsageSite } from './team-key-row.js';

/** A leaked key's match in the team inventory: whose it is, where it is used, and whether it is the caller's own. */
export interface TeamLeakMatch {
  member: string;
  machine: string;
  vaultId: string;
  /** The holder is this vault: its own `revoke --leaked` applies. */
  mine: boolean;
  keyId: string;
  ref: string;
  provider: string;
  org: string;
  instance: string;
  env: Environment;
  maskedKey: string;
  status: string;
  usageSites: UsageSite[];
  syncedAt: string;
}

/** `log verify` against the team's copy of this vault's log. */
export interface TeamLogCheck {
  state: 'matched' | 'diverged' | 'unreachable' | 'not-connected';
  /** How many entries the team holds of this vault. */
  teamEntries: number;
  /** Where the local log departs from the team's copy (an edited line; lines cut off the end). */
  problems: LogProblem[];
}

/**
 * The team inventory as every host uses it (the CLI, the desktop app, browser mode): built by
 * openTeam() over one vault, on the team database port. Nothing here waits on the database unless
 * asked: a change goes to the outbox, and sync() delivers it.
 */
export interface TeamService {
  /** Whether this vault is joined to a team (team.json), read from disk only. */
  connected(): boolean;
  /** `probe`: also ask the database whether it answers (bounded by the connect timeout). */
  status(options: { probe: boolean }): Promise<TeamStatus>;
  /** Joins this vault to a team as a member: checks the URL, the password, the schema and the membership, stores the password in the keychain, queues everything for the first sync. */
  connect(input: { url: string; team: string; member?: string; password?: string }): Promise<TeamStatus>;
  disconnect(): Promise<void>;
  /** Delivers what waits: never throws for a database that is down (the outcome says why). */
  sync(): Promise<TeamSyncOutcome>;
  /** The team's keys at now (policy state worked out again), in batches as the database sends them. */
  audit(filter: TeamAuditFilter): AsyncIterable<TeamAuditRow[]>;
  vaults(): Promise<TeamVault[]>;
  /** Keys of the team whose fingerprint is this one's (computed from the leaked string by the caller). */
  find(fingerprint: string): Promise<TeamLeakMatch[]>;
  verifyLog(): Promise<TeamLogCheck>;
  policy(): Promise<TeamPolicy | null>;
  setPolicy(policy: TeamPolicy | null): Promise<void>;
  /** An administrator's connection: applies the schema (versioned migrations) and creates the team. Remembered for invite(). */
  init(input: { url: string; team: string; password?: string }): Promise<{ team: string; schemaVersion: number; created: boolean }>;
  /** After init(), on the same connection: a member's own role with a random password, as the URL to give them (shown once). */
  invite(input: { member: string; lead: boolean }): Promise<{ member: string; role: string; url: string; lead: boolean }>;
  close(): Promise<void>;
}
