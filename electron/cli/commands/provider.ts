import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { table } from '../format.js';
import { builtinProfiles } from '../../core/providers/registry.js';

interface ProviderAddOptions {
  prefix?: string;
  pattern?: string;
  header: string;
  scheme?: string;
  sandboxUrl?: string;
  productionUrl?: string;
  verifyPath: string;
  dashboardUrl?: string;
}

export function registerProviderCommands(program: Command, ctx: CliContext): void {
  const provider = program.command('provider').description('providers: the four built in, and your own');

  provider
    .command('add')
    .description('define a provider: key prefix or pattern, auth header, base URLs, verify path')
    .argument('<name>', 'provider name')
    .option('--prefix <prefix>', 'the prefix its keys start with')
    .option('--pattern <regex>', 'a regular expression its keys match')
    .requiredOption('--header <name>', 'the header that carries the key (e.g. Authorization)')
    .option('--scheme <scheme>', 'a scheme before the key in that header (e.g. Bearer)')
    .option('--sandbox-url <url>', 'base URL for sandbox instances')
    .option('--production-url <url>', 'base URL for production instances')
    .requiredOption('--verify-path <path>', 'path of a cheap authenticated GET')
    .option('--dashboard-url <url>', "the provider's dashboard")
    .action(async (name: string, opts: ProviderAddOptions) => {
      const baseUrls: { sandbox?: string; production?: string } = {};
      if (opts.sandboxUrl) baseUrls.sandbox = opts.sandboxUrl;
      if (opts.productionUrl) baseUrls.production = opts.productionUrl;
      const added = await ctx.vault().addCustomProvider({
        name,
        keyPrefix: opts.prefix,
        keyPattern: opts.pattern,
        headerName: opts.header,
        headerScheme: opts.scheme,
        baseUrls,
        verifyPath: opts.verifyPath,
        dashboardUrl: opts.dashboardUrl,
      });
      ctx.io.out(`added provider ${added.name}\n`);
    });

  provider
    .command('list')
    .description('list providers')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const custom = ctx.vault().read().customProviders;
      const rows = [
        ...builtinProfiles.map((p) => ({ id: p.id, name: p.displayName, keyFormat: p.keyFormat, builtin: true })),
        ...custom.map((c) => ({ id: `custom:${c.name}`, name: c.name, keyFormat: c.keyPattern ?? `${c.keyPrefix ?? ''}…`, builtin: false })),
      ];
      if (opts.json) return ctx.io.out(`${JSON.stringify(rows, null, 2)}\n`);
      ctx.io.out(table([['PROVIDER', 'KEYS'], ...rows.map((r) => [r.id, r.keyFormat])]));
    });
}
