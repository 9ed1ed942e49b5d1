import type { Command } from 'commander';
import { UserInputError } from '../../core/domain/errors.js';
import type { Target } from '../../core/domain/model.js';
import { TargetConsentError, inspectTargetFile } from '../../core/vault/target-ops.js';
import type { CliContext } from '../context.js';
import { table } from '../format.js';

function describe(target: Target): string {
  if (target.kind === 'command') return `${target.command} ${target.args.join(' ')} (key on stdin)`;
  return `${target.variable} in ${target.file}${target.linkTo ? ` (a link to ${target.linkTo})` : ''}${target.createVariable ? ', appended if missing' : ''}`;
}

/**
 * Shows where FILE really leads (a relative path made absolute, a link followed) before anything
 * is added; a link is written through only on a yes or --follow-link. Refusals come from the vault.
 */
async function confirmedLink(ctx: CliContext, file: string, followLink: boolean): Promise<{ linkTo?: string; missing: boolean }> {
  const check = await inspectTargetFile(file, process.cwd());
  if (check.path !== file) ctx.io.out(`${file} is ${check.path}\n`);
  if (check.refusal !== null || !check.throughLink) return { missing: check.missing };
  ctx.io.out(`${check.path} is a link to ${check.resolved}\n`);
  if (followLink) return { linkTo: check.resolved, missing: false };
  if (ctx.io.confirm && (await ctx.io.confirm(`Write the key through the link, to ${check.resolved}?`))) return { linkTo: check.resolved, missing: false };
  throw new UserInputError(`${check.path} is a link to ${check.resolved}: nothing was added; to write the key there, add --follow-link`);
}

/** How a person allows, on the command line, what a target needs. */
const CONSENT_FLAGS: Record<TargetConsentError['consent'], string> = {
  'follow-link': 'add it again with --follow-link',
  'create-variable': 'add it again with --create-variable',
  'create-file': 'add it again with --create-file to create it',
};

export function registerTargetCommands(program: Command, ctx: CliContext): void {
  const target = program.command('target').description('swap targets: where a key is used, written during a rotation');

  target
    .command('add')
    .description('add a swap target: "dotenv FILE VARIABLE" or "command -- CMD [ARGS...]"')
    .argument('<ref>', 'PROVIDER/ORG/INSTANCE/NAME or key id')
    .argument('<kind>', 'dotenv or command')
    .argument('[rest...]', 'FILE VARIABLE, or -- CMD [ARGS...]')
    .option('--follow-link', 'FILE is a link: write the key through it to the file it leads to (shown)')
    .option('--create-variable', 'append VARIABLE if the file lacks it (else such a file is refused)')
    .option('--create-file', 'create FILE (mode 0600, holding VARIABLE=) if it does not exist (else it is refused)')
    .action(async (ref: string, kind: string, rest: string[], opts: { followLink?: boolean; createVariable?: boolean; createFile?: boolean }) => {
      let added: Target;
      if (kind === 'dotenv') {
        if (rest.length !== 2) throw new UserInputError('write it as: keyturn target add REF dotenv FILE VARIABLE');
        const [file = '', variable = ''] = rest;
        const { linkTo: confirmLinkTo, missing } = await confirmedLink(ctx, file, opts.followLink === true);
        added = await ctx.vault()
          .addTarget(ref, { kind: 'dotenv', file, variable, createVariable: opts.createVariable === true, createFile: opts.createFile === true, ...(confirmLinkTo ? { confirmLinkTo } : {}) }, process.cwd())
          .catch((error: unknown) => {
            if (error instanceof TargetConsentError) throw new UserInputError(`${error.message} (${CONSENT_FLAGS[error.consent]})`);
            throw error;
          });
        if (missing && added.kind === 'dotenv') ctx.io.out(`created ${added.file} (mode 0600) with an empty ${added.variable}= line\n`);
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
