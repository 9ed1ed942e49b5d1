import { Command, CommanderError } from 'commander';
import { UserInputError } from '../core/domain/errors.js';
import { VaultDamagedError } from '../core/store/conf-metadata-store.js';
import { createCliContext } from './context.js';
import { registerCommands } from './command-modules.js';
import { EXIT, type CliIo } from './io.js';

/** Runs one `keyturn` invocation and returns its exit code. Never calls process.exit. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = new Command('keyturn')
    .description('Keyturn: a vault and rotation assistant for API keys')
    .option('--home <dir>', 'vault home (default: $KEYTURN_HOME, else the per-user app-data folder)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run "keyturn --help" for usage)');
  const ctx = createCliContext(io, () => program.opts<{ home?: string }>().home);

  let code: number;
  let damageReported = false;
  try {
    await registerCommands(argv, program, ctx, io);
    await program.parseAsync(argv, { from: 'user' });
    code = ctx.exitCode;
  } catch (error) {
    damageReported = error instanceof VaultDamagedError;
    code = reportError(error, io);
  } finally {
    await ctx.close();
  }
  for (const warning of ctx.warnings()) io.err(`warning: ${warning}\n`);
  code = reportDamage(ctx.damage(), damageReported, code, io);
  return code;
}

/**
 * A vault.json with damaged parts: the command did what it could with the rest (reads), but the run
 * is a failure that names each damaged part, so no script takes "no keys" for the truth.
 */
function reportDamage(damage: string | null, alreadyReported: boolean, code: number, io: CliIo): number {
  if (damage === null) return code;
  if (!alreadyReported) io.err(`keyturn: ${damage}\n`);
  return code === EXIT.badInput ? code : EXIT.failure;
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and version are successes; commander already printed usage errors.
    return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  if (error instanceof UserInputError) {
    io.err(`keyturn: ${error.message}\n`);
    return EXIT.badInput;
  }
  const message = error instanceof Error ? error.message : 'unexpected failure';
  io.err(`keyturn: ${message}\n`);
  return EXIT.failure;
}
