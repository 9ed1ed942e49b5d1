import type { Command } from 'commander';
import { fail } from '../../core/domain/problems/problem-error.js';
import type { CliContext } from '../context.js';
import { table } from '../format.js';
import { setInstanceVerifyPath } from '../../core/vault/instance-settings.js';
import { findInstance, instanceRef } from '../../core/vault/refs.js';
import { confirmRemoval } from '../removal-confirmation.js';
import { providerHelp } from '../provider-help.js';
import { parseEnvironment } from './parsers.js';

export function registerInstanceCommands(program: Command, ctx: CliContext): void {
  const instance = program.command('instance').description('provider instances: one deployment of a provider for one organization');

  instance
    .command('add')
    .description('add an instance (sandbox or production)')
    .argument('<provider>', providerHelp.choices)
    .argument('<org>', providerHelp.org)
    .argument('<instance>', 'instance name')
    .requiredOption('--env <env>', 'sandbox or production', parseEnvironment)
    .option('--base-url <url>', "the provider's base URL, in the form its docs give")
    .option('--project-id <id>', providerHelp.projectId)
    .option('--verify-path <path>', 'path of the authenticated call used to verify keys')
    .option('--dashboard-url <url>', "the provider dashboard's URL for guided steps")
    .action(async (provider: string, org: string, name: string, opts: { env: string; baseUrl?: string; projectId?: string; verifyPath?: string; dashboardUrl?: string }) => {
      const added = await ctx.vault().addInstance({ provider, org, name, ...opts });
      ctx.io.out(`added ${instanceRef(added)} (${added.env.toUpperCase()}, ${added.baseUrl})\n`);
    });

  instance
    .command('set')
    .description(`change an instance's verify path (${providerHelp.verifyPathSetting}), e.g. after a mistyped one`)
    .argument('<instance>', 'PROVIDER/ORG/INSTANCE')
    .option('--verify-path <path>', 'path of the authenticated call used to verify keys, or "default"')
    .action(async (ref: string, opts: { verifyPath?: string }) => {
      if (opts.verifyPath === undefined) fail('verify-path.not-given', { field: 'verifyPath' });
      const changed = await setInstanceVerifyPath(ctx.core(), ref, opts.verifyPath === 'default' ? null : opts.verifyPath);
      ctx.io.out(`${changed.ref}: keys are verified with GET ${changed.verifyUrl}\n`);
    });

  instance
    .command('remove')
    .description('remove an instance that holds no keys')
    .argument('<instance>', 'PROVIDER/ORG/INSTANCE')
    .option('--yes', 'a production instance: remove it without typing its name back')
    .action(async (ref: string, opts: { yes?: boolean }) => {
      const found = findInstance(ctx.vault().read(), ref);
      const confirmation = await confirmRemoval(ctx.io, found, `The instance ${instanceRef(found)}`, opts.yes);
      const removed = await ctx.vault().removeInstance(ref, confirmation);
      ctx.io.out(`removed the instance ${instanceRef(removed)} (${removed.env.toUpperCase()})\n`);
    });

  instance
    .command('list')
    .description('list instances')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const instances = ctx.vault().listInstances();
      if (opts.json) return ctx.io.out(`${JSON.stringify(instances, null, 2)}\n`);
      if (instances.length === 0) return ctx.io.out('no instances yet: add one with "keyturn instance add PROVIDER ORG INSTANCE --env sandbox|production"\n');
      ctx.io.out(table([['INSTANCE', 'ENV', 'BASE URL'], ...instances.map((i) => [instanceRef(i), i.env.toUpperCase(), i.baseUrl])]));
    });
}
