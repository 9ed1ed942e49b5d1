import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** The `key` command itself, to which key.ts (and, for `keyturn key get`, this module alone) adds subcommands. */
export function addKeyCommand(program: Command): Command {
  return program.command('key').description('keys: stored in the OS keychain, described by metadata');
}

/**
 * `key get`, in a module of its own: a script calls it for every secret it needs, so it is loaded
 * without the other key commands and the vault they use (see command-modules.ts).
 */
export function registerKeyGetCommand(key: Command, ctx: CliContext): void {
  key
    .command('get')
    .description('print the secret alone on standard output')
    .argument('<ref>', 'PROVIDER/ORG/INSTANCE/NAME or key id')
    .action(async (ref: string) => {
      ctx.io.out(`${await ctx.revealSecret(ref, 'key.get')}\n`);
    });
}
