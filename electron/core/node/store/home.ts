import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import envPaths from 'env-paths';
import type { ProblemOf } from '../../domain/problems/catalogue.js';
import { ProblemError } from '../../domain/problems/problem-error.js';
import { LAST_GOOD_FILE, VAULT_FILE } from './vault-files.js';

/** The vault home: `--home`, else KEYTURN_HOME, else the OS's per-user app-data folder. */
export function resolveHome(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.KEYTURN_HOME) return env.KEYTURN_HOME;
  return envPaths('keyturn', { suffix: '' }).data;
}

export const VAULT_ID_FILE = 'vault-id.json';

/**
 * A vault id (32 lowercase hex characters), or null. Checked by hand, not with a zod schema: every
 * command reads vault-id.json, and `keyturn key get` must not load and build zod to read one secret.
 */
export function parseVaultId(value: unknown): string | null {
  return typeof value === 'string' && /^[0-9a-f]{32}$/.test(value) ? value : null;
}

/** vault-id.json: `{ vaultId, createdAt }`, the id checked. */
function parseIdentity(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { vaultId, createdAt } = raw as Record<string, unknown>;
  return typeof createdAt === 'string' ? parseVaultId(vaultId) : null;
}

/**
 * The vault id file is missing, damaged or from another vault while the vault may hold keys:
 * running on would hide their secrets. A failure (exit 3) that every read passes on untouched.
 */
export class VaultIdentityError extends ProblemError {
  constructor(identity: ProblemOf<'vault.identity-lost'> | ProblemOf<'vault.identity-mismatch'>) {
    super(identity);
  }
}

export type IdentityFile = { state: 'ok'; vaultId: string } | { state: 'missing' } | { state: 'damaged'; why: string };

export function readIdentityFile(home: string): IdentityFile {
  let text: string;
  try {
    text = readFileSync(join(home, VAULT_ID_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { state: 'damaged', why: 'it is not JSON' };
  }
  const vaultId = parseIdentity(raw);
  return vaultId !== null ? { state: 'ok', vaultId } : { state: 'damaged', why: 'it holds no valid vault id' };
}

/** What vault.json (or its last good copy) says without a full parse: how many records, and the id it recorded. */
export interface RecordedVault {
  /** vault.json exists but is not JSON: it may hold keys. */
  unreadable: boolean;
  records: number;
  recordedId: string | null;
  /** Where recordedId came from. */
  recordedIn: string | null;
}

export function peekRecordedVault(home: string): RecordedVault {
  const main = peekFile(join(home, VAULT_FILE));
  const backup = peekFile(join(home, LAST_GOOD_FILE));
  const source = main.recordedId ? main : backup.recordedId ? backup : null;
  return { unreadable: main.unreadable, records: Math.max(main.records, backup.records), recordedId: source?.recordedId ?? null, recordedIn: source?.path ?? null };
}

function peekFile(path: string): { path: string; unreadable: boolean; records: number; recordedId: string | null } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { path, unreadable: false, records: 0, recordedId: null };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { path, unreadable: text.trim().length > 0, records: 0, recordedId: null };
  }
  if (typeof raw !== 'object' || raw === null) return { path, unreadable: true, records: 0, recordedId: null };
  const doc = raw as Record<string, unknown>;
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  return { path, unreadable: false, records: count(doc.keys) + count(doc.instances), recordedId: parseVaultId(doc.vaultId) };
}

/**
 * The vault's random id, made once with the home. It names the keychain service, so two homes
 * never see each other's secrets. Kept apart from the metadata file so a corrupt metadata file
 * never loses the way to the secrets; also recorded in vault.json with every write, so a lost
 * vault-id.json can be recovered (`keyturn vault recover-id`).
 *
 * A new id is made only for a home whose vault.json lists no keys or instances and records no id: a
 * missing vault-id.json next to one that does, or a damaged vault-id.json, is refused, because a new
 * id would hide every stored secret.
 */
export function ensureVaultIdentity(home: string): string {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const file = join(home, VAULT_ID_FILE);
  const existing = readIdentityFile(home);
  if (existing.state === 'ok') return existing.vaultId;
  const recorded = peekRecordedVault(home);
  if (existing.state === 'damaged') throw new VaultIdentityError(identityLost(home, 'damaged', recorded, existing.why));
  if (recorded.records > 0 || recorded.recordedId || recorded.unreadable) throw new VaultIdentityError(identityLost(home, 'missing', recorded));
  const identity = { vaultId: randomBytes(16).toString('hex'), createdAt: new Date().toISOString() };
  try {
    // 'wx': two processes creating the same home at once agree on whichever id landed first.
    writeFileSync(file, `${JSON.stringify(identity)}\n`, { flag: 'wx', mode: 0o600 });
    return identity.vaultId;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const landed = readIdentityFile(home);
  if (landed.state !== 'ok') throw new VaultIdentityError(identityLost(home, 'damaged', recorded));
  return landed.vaultId;
}

function identityLost(home: string, state: 'missing' | 'damaged', recorded: RecordedVault, why?: string): ProblemOf<'vault.identity-lost'> {
  return {
    code: 'vault.identity-lost',
    idFile: join(home, VAULT_ID_FILE),
    state,
    ...(why ? { why } : {}),
    vaultFile: join(home, VAULT_FILE),
    records: recorded.records,
    ...(recorded.recordedId ? { recordedService: keychainServiceFor(recorded.recordedId) } : {}),
    ...(recorded.recordedIn ? { recordedIn: recorded.recordedIn } : {}),
  };
}

export function keychainServiceFor(vaultId: string): string {
  return `keyturn:${vaultId}`;
}
