// `keyturn scan --staged` and `--pushed` alone (dist/cli/keyturn-scan-hook.mjs, one file: see
// entry.ts): git waits for a hook before every commit and push, so the hook loads what matching the
// staged lines against the vault's metadata needs, not the whole CLI (the vault's writer, the
// metadata store and its schemas, the HTTP client). It never writes the vault and never reads a
// secret; its one audit entry is written to the log file, the keychain only keeping its head.
import { runProcess } from './cli-process.js';
import { runProgram, type CommandSource } from './run-program.js';
import { hookScanHost } from './scan/hook-host.js';
import { runScan } from './scan/run-scan.js';
import { declareScanCommand, scanPlanOf, type ScanCommandOptions } from './scan/scan-options.js';

const hookOnly: CommandSource = {
  load: async () => ({
    vaultParts: null,
    register: (program, ctx) => {
      declareScanCommand(program).action(async (path: string | undefined, opts: ScanCommandOptions) => {
        await runScan(hookScanHost(ctx), scanPlanOf(path, opts, process.cwd()));
      });
    },
  }),
};

await runProcess((argv, io) => runProgram(argv, io, hookOnly), null);
