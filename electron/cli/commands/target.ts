import type { Command } from 'commander';
import { describeTarget } from '../../core/targets/describe.js';
import type { CliContext } from '../context.js';
import { table } from '../format.js';
import { CLI_TARGET_KINDS, cliTargetKind, type TargetAddOptions } from './target-kinds.js';

export function registerTargetCommands(program: Command, ctx: CliContext): void {
  const target = program.command('target').description('swap targets: where a key is used, written during a rotation');
  const forms = Object.values(CLI_TARGET_KINDS).map((k) => `"${k.form}"`);
  const kinds = Object.keys(CLI_TARGET_KINDS);

  target
    .command('add')
    .description(`add a swap target: ${forms.join(' or ')}`)
    .argument('<ref>', 'PROVIDER/ORG/INSTANCE/NAME or key id')
    .argument('<kind>', kinds.join(' or '))
    .argument('[rest...]', 'FILE VARIABLE, or -- CMD [ARGS...]')
    .option('--follow-link', 'FILE is a link: write the key through it to the file it leads to (shown)')
    .option('--create-variable', 'append VARIABLE if the file lacks it (else such a file is refused)')
    .option('--create-file', 'create FILE (mode 0600, holding VARIABLE=) if it does not exist (else it is refused)')
    .action(async (ref: string, kind: string, rest: string[], opts: TargetAddOptions) => {
      const { input, report } = await cliTargetKind(kind).read(rest, opts, ctx);
      const added = await ctx.vault().addTarget(ref, input, process.cwd());
      const besides = report?.(added);
      if (besides) ctx.io.out(`${besides}\n`);
      ctx.io.out(`added target ${added.id.slice(0, 8)}: ${describeTarget(added).full}\n`);
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
      ctx.io.out(table([['TARGET', 'KIND', 'WHERE'], ...targets.map((t) => [t.id.slice(0, 8), t.kind, describeTarget(t).full])]));
    });

  target
    .command('remove')
    .description('remove a swap target (the file or command itself is not touched)')
    .argument('<ref>', 'PROVIDER/ORG/INSTANCE/NAME or key id')
    .argument('<target-id>', 'as "keyturn target list" shows it')
    .action(async (ref: string, targetId: string) => {
      const removed = await ctx.vault().removeTarget(ref, targetId);
      ctx.io.out(`removed target ${removed.id.slice(0, 8)}: ${describeTarget(removed).full}\n`);
    });
}
