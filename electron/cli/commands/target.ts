import type { Command } from 'commander';
import { UserInputError } from '../../core/domain/errors.js';
import type { Target } from '../../core/domain/model.js';
import type { CliContext } from '../context.js';
import { table } from '../format.js';

function describe(target: Target): string {
  return target.kind === 'dotenv' ? `${target.variable} in ${target.file}` : `${target.command} ${target.args.join(' ')} (key on stdin)`;
}

export function registerTargetCommands(program: Command, ctx: CliContext): void {
  const target = program.command('target').description('swap targets: where a key is used, written during a rotation');

  target
    .command('add')
    .description('add a swap target: "dotenv FILE VARIABLE" or "command -- CMD [ARGS...]"')
    .argument('<ref>', 'PROVIDER/ORG/INSTANCE/NAME or key id')
    .argument('<kind>', 'dotenv or command')
    .argument('[rest...]', 'FILE VARIABLE, or -- CMD [ARGS...]')
    .action(async (ref: string, kind: string, rest: string[]) => {
      let added: Target;
      if (kind === 'dotenv') {
        if (rest.length !== 2) throw new UserInputError('write it as: keyturn target add REF dotenv FILE VARIABLE');
        added = await ctx.vault().addTarget(ref, { kind: 'dotenv', file: rest[0] ?? '', variable: rest[1] ?? '' }, process.cwd());
      } else if (kind === 'command') {
        const [command, ...args] = rest[0] === '--' ? rest.slice(1) : rest;
        if (!command) throw new UserInputError('write it as: keyturn target add REF command -- CMD [ARGS...]');
        added = await ctx.vault().addTarget(ref, { kind: 'command', command, args }, process.cwd());
      } else {
        throw new UserInputError(`"${kind}" is not a target kind: use dotenv or command`);
      }
      ctx.io.out(`added target ${added.id.slice(0, 8)}: ${describe(added)}\n`);
    });

  target
    .command('list')
    .description("list a key's swap targets")
    .argument('<ref>', 'PROVIDER/ORG/INSTANCE/NAME or key id')
    .option('--json', 'print JSON')
    .action((ref: string, opts: { json?: boolean }) => {
      const targets = ctx.vault().listTargets(ref);
      if (opts.json) return ctx.io.out(`${JSON.stringify(targets, null, 2)}\n`);
      if (targets.length === 0) return ctx.io.out('no swap targets: add one with "keyturn target add REF dotenv FILE VARIABLE"\n');
      ctx.io.out(table([['TARGET', 'KIND', 'WHERE'], ...targets.map((t) => [t.id.slice(0, 8), t.kind, describe(t)])]));
    });

  target
    .command('remove')
    .description('remove a swap target (the file or command itself is not touched)')
    .argument('<ref>', 'PROVIDER/ORG/INSTANCE/NAME or key id')
    .argument('<target-id>', 'as "keyturn target list" shows it')
    .action(async (ref: string, targetId: string) => {
      const removed = await ctx.vault().removeTarget(ref, targetId);
      ctx.io.out(`removed target ${removed.id.slice(0, 8)}: ${describe(removed)}\n`);
    });
}
