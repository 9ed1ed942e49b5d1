import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { fail } from '../../domain/problems/problem-error.js';
import type { SecretStore } from '../../ports/secret-store.js';
import { keychainServiceFor, peekRecordedVault, readIdentityFile, VAULT_ID_FILE, parseVaultId } from './home.js';
import { parseVaultDocument } from '../../store/parse-document.js';
import { LAST_GOOD_FILE, LOCK_FILE, preserveCopy, VAULT_FILE, writeFileAtomicSync } from './vault-files.js';
import { typedBack } from '../../domain/problems/params.js';

export interface RecoveredIdentity {
  vaultId: string;
  /** Key records whose secret the keychain was asked for, and how many it holds under the id. */
  checked: number;
  found: number;
  /** Names (not secrets) of the records whose secret was not there. */
  missing: string[];
}

/**
 * Restores a lost or damaged vault-id.json. The id is the one vault.json records (or its last good
 * copy, or `--id`), and it is trusted only if the keychain holds the key records' secrets under it:
 * an id that holds none of them would hide the vault as surely as a new one.
 */
export async function recoverVaultIdentity(
  home: string,
  secrets: SecretStore,
  options: { id?: string; findServices?: (account: string) => Promise<string[] | null> } = {},
): Promise<RecoveredIdentity> {
  const current = readIdentityFile(home);
  const recorded = peekRecordedVault(home);
  const records = keyRecordsToCheck(home);
  let candidate: string;
  if (options.id !== undefined) {
    const parsed = parseVaultId(options.id.replace(/^keyturn:/, ''));
    if (parsed === null) fail('recover-id.not-an-id', { value: typedBack(options.id) });
    candidate = parsed;
    // vault.json's id is what every open checks against: any other id would be written, then refused by every command.
    if (recorded.recordedId && recorded.recordedId !== candidate) {
      fail('recover-id.not-recorded-id', { given: candidate, recordedId: recorded.recordedId, recordedIn: recorded.recordedIn ?? join(home, VAULT_FILE) });
    }
  } else if (recorded.recordedId) {
    candidate = recorded.recordedId;
  } else {
    const found = options.findServices ? await idFromKeychain(records, options.findServices) : null;
    if (found) candidate = found;
    else fail('recover-id.unknown', { vaultFile: join(home, VAULT_FILE) });
  }
  if (current.state === 'ok' && current.vaultId === candidate) fail('recover-id.nothing-to-recover', { idFile: join(home, VAULT_ID_FILE), id: candidate });

  const service = keychainServiceFor(candidate);
  let found = 0;
  const missing: string[] = [];
  for (const record of records) {
    // A locked or unavailable keychain throws here: nothing is written.
    if ((await secrets.get(service, record.id)) !== null) found++;
    else missing.push(record.name);
  }
  if (records.length > 0 && found === 0) {
    // A mistyped --id is the person's input to correct; an id vault.json records yet the keychain lacks is a keychain problem.
    fail(options.id !== undefined ? 'recover-id.given-id-holds-nothing' : 'recover-id.recorded-id-holds-nothing', { records: records.length, service, id: candidate });
  }
  await writeIdentity(home, candidate);
  return { vaultId: candidate, checked: records.length, found, missing };
}

/** How many records to look up by account alone: enough to agree on one id, bounded for a large vault. */
const RECORDS_TO_SEARCH = 20;

/**
 * The vault id found by asking the keychain which services hold the records' ids as accounts (an
 * older vault.json records no id). Only one id may come out on top; a tie is the person's to choose.
 */
async function idFromKeychain(records: readonly { id: string }[], findServices: (account: string) => Promise<string[] | null>): Promise<string | null> {
  const counts = new Map<string, number>();
  for (const record of records.slice(0, RECORDS_TO_SEARCH)) {
    const services = await findServices(record.id);
    if (services === null) return null;
    for (const service of new Set(services)) {
      const id = /^keyturn:([0-9a-f]{32})$/.exec(service)?.[1];
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0) return null;
  if (ranked.length > 1 && ranked[0]?.[1] === ranked[1]?.[1]) {
    fail('recover-id.ambiguous', { ids: ranked.map(([id]) => id), counts: ranked.map(([, n]) => n) });
  }
  return ranked[0]?.[0] ?? null;
}

/**
 * Writes vault-id.json atomically (mode 0600), holding the vault lock so another process's open does
 * not take the temporary file for a killed write's (a killed write's is removed at the next open). A
 * file it replaces is kept beside it first: it may be the person's only clue.
 */
async function writeIdentity(home: string, vaultId: string): Promise<void> {
  const file = join(home, VAULT_ID_FILE);
  const release = await lockfile.lock(home, { realpath: false, stale: 10_000, lockfilePath: join(home, LOCK_FILE), retries: { retries: 100, minTimeout: 10, maxTimeout: 200, factor: 1.5 } });
  try {
    if (existsSync(file)) preserveCopy(file, join(home, `vault-id.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}.json`));
    writeFileAtomicSync(file, `${JSON.stringify({ vaultId, createdAt: new Date().toISOString(), recovered: true })}\n`, 0o600);
  } finally {
    await release();
  }
}

/** The key records whose secret should be in the keychain (a revoked key's secret was removed), from vault.json or its last good copy. */
function keyRecordsToCheck(home: string): { id: string; name: string }[] {
  for (const name of [VAULT_FILE, LAST_GOOD_FILE]) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(home, name), 'utf8'));
    } catch {
      continue;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
    const { doc } = parseVaultDocument(raw as Record<string, unknown>);
    if (doc.keys.length === 0) continue;
    return doc.keys.filter((k) => k.status !== 'revoked').map((k) => ({ id: k.id, name: k.name }));
  }
  return [];
}
