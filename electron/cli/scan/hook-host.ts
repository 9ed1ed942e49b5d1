import { ensureVaultIdentity } from '../../core/node/store/home.js';
import type { CliContext } from '../context.js';
import type { ScanHost } from './run-scan.js';
import { checkedVaultMetadata } from './vault-metadata.js';

/**
 * What `scan --staged` and `scan --pushed` run on, in the whole CLI and on its lean path alike: the
 * vault's metadata read (never written, never the keychain's secrets), and the audit log.
 */
export function hookScanHost(ctx: CliContext): ScanHost {
  const access = ctx.secretAccess();
  const readDoc = async () => {
    const checked = checkedVaultMetadata(access.home);
    if (checked) return checked;
    // Not the file the last write checked: the store reads it, checking every record.
    const { ConfMetadataStore } = await import('../metadata-parts.js');
    return new ConfMetadataStore(access.home, { vaultId: ensureVaultIdentity(access.home) }).read();
  };
  return { ctx, readDoc, audit: access.audit, scanWithVault: null };
}
