// `keyturn scan --staged` and `--pushed` alone (dist/cli/keyturn-scan-hook.mjs, one file: see
// entry.ts): git waits for a hook before every commit and push, so the hook loads what matching the
// staged lines against the vault's metadata needs, not the whole CLI (the vault's writer, the
// metadata store and its schemas, the HTTP client). It never writes the vault and never reads a
// secret; its one audit entry is written to the log file, the keychain only keeping its head.
import { ensureVaultIdentity } from '../core/node/store/home.js';
import { runProcess } from './cli-process.js';
import { runProgram, type CommandSource } from './run-program.js';
import { runScan } from './scan/run-scan.js';
import { declareScanCommand, scanPlanOf, type ScanCommandOptions } from './scan/scan-options.js';
import { checkedVaultMetadata } from './scan/vault-metadata.js';

const hookOnly: CommandSource = {
  load: async () => ({
    vaultParts: null,
    register: (program, ctx) => {
      declareScanCommand(program).action(async (path: string | undefined, opts: ScanCommandOptions) => {
        const plan = scanPlanOf(path, opts, process.cwd());
        const access = ctx.secretAccess();
        const readDoc = async () => {
          const checked = checkedVaultMetadata(access.home);
          if (checked) return checked;
          // Not the file the last write checked: the store reads it, checking every record.
          const { ConfMetadataStore } = await import('./metadata-parts.js');
          return new ConfMetadataStore(access.home, { vaultId: ensureVaultIdentity(access.home) }).read();
        };
        await runScan({ ctx, vault: null, readDoc, audit: access.audit, scanWithVault: null }, plan);
      });
    },
  }),
};

await runProcess((argv, io) => runProgram(argv, io, hookOnly), null);
