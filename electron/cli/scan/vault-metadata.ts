import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VaultDocument } from '../../core/domain/model.js';
import { describesBytes, readChecked } from '../../core/node/store/checked-index.js';
import { checkVaultIdentity, stampOf } from '../../core/node/store/checked-read.js';
import { ensureVaultIdentity } from '../../core/node/store/home.js';
import { staleTempFiles, VAULT_FILE } from '../../core/node/store/vault-files.js';

/**
 * The vault's metadata (never a secret) for a hook's scan, without the metadata store: the
 * vault.json the last write checked whole (see checked-index.ts), read and parsed once. Null when
 * that is not the file there (a hand edit, a killed write's leftovers): then only the store,
 * which checks every record, may read it.
 */
export function checkedVaultMetadata(home: string): VaultDocument | null {
  if (staleTempFiles(home).length > 0) return null;
  const vaultId = ensureVaultIdentity(home);
  let fd: number;
  try {
    fd = openSync(join(home, VAULT_FILE), 'r');
  } catch (error) {
    // No vault.json yet: a vault with nothing in it.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { schemaVersion: 1, instances: [], keys: [], customProviders: [], rotations: [] };
    return null;
  }
  try {
    const checked = readChecked(home);
    if (!checked) return null;
    const stamp = stampOf(fstatSync(fd, { bigint: true }));
    const bytes = readFileSync(fd);
    if (checked.stamp !== stamp && !describesBytes(checked, bytes)) return null;
    const doc = JSON.parse(bytes.toString('utf8')) as VaultDocument;
    checkVaultIdentity(home, vaultId, doc);
    return doc;
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  } finally {
    closeSync(fd);
  }
}
