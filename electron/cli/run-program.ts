import { Command, CommanderError } from 'commander';
import { ProblemError } from '../core/domain/problems/problem-error.js';
import type { Problem } from '../core/domain/problems/catalogue.js';
import type * as WordingsModule from './problems/wordings.js';
import { createCliContext, type CliContext, type VaultParts } from './context.js';
import { EXIT, type CliIo } from './io.js';

/** The commands a program runs, loaded for its arguments. */
export interface CommandSource {
  load(argv: readonly string[]): Promise<{
    /** Adds the commands to the program. */
    register: (program: Command, ctx: CliContext, io: CliIo) => void;
    /** The whole vault's parts, or null for a command that reads one secret only (see context.ts). */
    vaultParts: VaultParts | null;
  }>;
}

/**
 * Runs one `keyturn` invocation with these commands and returns its exit code. Never calls
 * process.exit. (program.ts runs it with every command; key-get-main.ts with `key get` alone.)
 */
export async function runProgram(argv: readonly string[], io: CliIo, commands: CommandSource): Promise<number> {
  const program = new Command('keyturn')
    .description('Keyturn: a vault and rotation assistant for API keys')
    .option('--home <dir>', 'vault home (default: $KEYTURN_HOME, else the per-user app-data folder)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run "keyturn --help" for usage)');
  let ctx: CliContext | null = null;
  let parts: VaultParts | null = null;
  let code: number;
  let damageReported = false;
  try {
    const loaded = await commands.load(argv);
    parts = loaded.vaultParts;
    ctx = createCliContext(io, () => program.opts<{ home?: string }>().home, parts);
    loaded.register(program, ctx, io);
    await program.parseAsync(argv, { from: 'user' });
    code = ctx.exitCode;
  } catch (error) {
    damageReported = parts !== null && error instanceof parts.VaultDamagedError;
    code = await reportError(error, io);
  } finally {
    await ctx?.close();
  }
  const warnings = ctx?.warnings() ?? [];
  if (warnings.length > 0) {
    const { cliProblemText } = await wordings();
    for (const warning of warnings) io.err(`warning: ${cliProblemText(warning)}\n`);
  }
  code = await reportDamage(ctx?.damage() ?? null, damageReported, code, io);
  return code;
}

/**
 * A vault.json with damaged parts: the command did what it could with the rest (reads), but the run
 * is a failure that names each damaged part, so no script takes "no keys" for the truth.
 */
async function reportDamage(damage: Problem | null, alreadyReported: boolean, code: number, io: CliIo): Promise<number> {
  if (damage === null) return code;
  if (!alreadyReported) io.err(`keyturn: ${(await wordings()).cliProblemText(damage)}\n`);
  return code === EXIT.badInput ? code : EXIT.failure;
}

/** The terminal's words for every problem: loaded only when there is one to say, so a run that succeeds never parses them. */
function wordings(): Promise<typeof WordingsModule> {
  return import('./problems/wordings.js');
}

async function reportError(error: unknown, io: CliIo): Promise<number> {
  if (error instanceof CommanderError) {
    // Help and version are successes; commander already printed usage errors.
    return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
  }
  if (error instanceof ProblemError) {
    const { cliProblemText } = await wordings();
    io.err(`keyturn: ${cliProblemText(error.problem)}\n`);
    return PROBLEM_EXIT[error.kind];
  }
  const message = error instanceof Error ? error.message : 'unexpected failure';
  io.err(`keyturn: ${message}\n`);
  return EXIT.failure;
}

/** A problem's kind as the exit code scripts test. */
const PROBLEM_EXIT = { input: EXIT.badInput, failure: EXIT.failure, busy: EXIT.busy } as const;
