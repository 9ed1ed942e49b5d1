import type { TeamPolicy } from '../policy/team-policy.js';

export type { TeamPolicy } from '../policy/team-policy.js';
import type { StoredTeamKey, TeamAuditFilter } from '../team/team-audit.js';
import type { TeamKeyRow } from '../team/team-key-row.js';

/** Who a connection is, as the team database says: the member its role belongs to. */
export interface TeamIdentity {
  team: string;
  member: string;
  lead: boolean;
  /** The schema version the database holds (what `team connect` compares with the one it knows). */
  schemaVersion: number;
}

/** One vault joined to the team: its member, its machine and when it last delivered. */
export interface TeamVault {
  vaultId: string;
  member: string;
  machine: string;
  joinedAt: string;
  lastSyncAt: string | null;
}

/** The newest audit entry the team holds of one vault: its sequence number and the SHA-256 of its line. */
export interface TeamAuditHead {
  seq: number;
  hash: string;
}

/**
 * What one sync delivers, in one transaction: the vault's own row, key rows (an upsert keyed by vault
 * id and key id; a row with a lower revision than the one held is ignored, so a late delivery never
 * overwrites a newer one; `row: null` marks a key removed), and audit entries in order, each the next
 * after the team's head of this vault (the database refuses one that does not chain on).
 */
export interface TeamDelivery {
  vault: { vaultId: string; machine: string };
  keys: readonly { keyId: string; revision: number; row: TeamKeyRow | null }[];
  /** Whole lines of the local log, seq ascending, the first being head.seq + 1 (or 1). */
  audit: readonly { seq: number; line: string }[];
}

/**
 * The team inventory: a shared database of key metadata and audit entries, never a secret. Each
 * member connects as its own database role, and the database itself decides what that role may
 * read and write (its own vault's rows; audit entries inserted, never changed). Every method throws
 * a `team.*` problem when the database cannot be reached or refuses.
 */
export interface TeamDatabase {
  identity(): Promise<TeamIdentity>;
  deliver(delivery: TeamDelivery): Promise<{ head: TeamAuditHead | null }>;
  auditHead(vaultId: string): Promise<TeamAuditHead | null>;
  /** The SHA-256 of each line the team holds of one vault, in seq order (index 0 is entry 1). */
  auditHashes(vaultId: string): Promise<string[]>;
  /** The team's keys, filtered by member and environment in the database, in batches as they arrive (streamed, for a quick first row). */
  inventory(filter: Omit<TeamAuditFilter, 'state'>): AsyncIterable<StoredTeamKey[]>;
  /** Every live key of the team with this SHA-256 fingerprint (an index makes it quick). */
  findByFingerprint(fingerprint: string): Promise<StoredTeamKey[]>;
  vaults(): Promise<TeamVault[]>;
  /** `team disconnect`: marks this vault as having left. Its keys leave the inventory; its audit entries stay (they are the team's record). */
  leave(vaultId: string): Promise<void>;
  /** The team-wide rotation policy (a member's own can only be stricter); null when none was set. */
  policy(): Promise<TeamPolicy | null>;
  /** A lead only (the database refuses anyone else): replaces the team-wide policy. */
  setPolicy(policy: TeamPolicy | null): Promise<void>;
  close(): Promise<void>;
}

