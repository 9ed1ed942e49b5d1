import { InvalidArgumentError, type Command } from 'commander';
import { fail } from '../../core/domain/problems/problem-error.js';
import { DEFAULT_MAX_AGE_DAYS } from '../../core/policy/key-policy.js';
import { setKeyDates, setPolicy, type PolicyChange } from '../../core/policy/policy-changes.js';
import { setTeamPolicyLevel } from '../../core/policy/team-policy-change.js';
import type { TeamService } from '../../core/team/team-service.js';
import { instanceRef } from '../../core/vault/refs.js';
import type { CliContext } from '../context.js';
import { table } from '../format.js';
import { MAX_DAYS, parseDays } from './parsers.js';

/** The vault's team service, on the terminal's ports (loaded only for --team). */
async function teamService(ctx: CliContext): Promise<TeamService> {
  const core = ctx.core();
  const { home } = ctx.unopened();
  const [{ openTeam }, { ensureVaultIdentity }] = await Promise.all([import('../../core/node/team/open-team.js'), import('../../core/node/store/home.js')]);
  return openTeam({ home, vaultId: ensureVaultIdentity(home), secrets: core.secrets, keychainService: core.keychainService, metadata: core.metadata, clock: core.clock, logger: core.logger, audit: core.audit });
}

export function registerPolicyCommands(program: Command, ctx: CliContext): void {
  const policy = program.command('policy').description('the rotation policy: maximum key age by default, per provider and per instance');
  policy
    .command('show')
    .description('the maximum ages that apply')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const doc = ctx.vault().read();
      const defaults = doc.policy?.defaults ?? DEFAULT_MAX_AGE_DAYS;
      if (opts.json) return ctx.io.out(`${JSON.stringify({ defaults, providers: doc.policy?.providers ?? {}, instances: doc.policy?.instances ?? {} }, null, 2)}\n`);
      const rows = [['SCOPE', 'PRODUCTION', 'SANDBOX'], ['default', `${defaults.production} d`, `${defaults.sandbox} d`]];
      for (const [provider, days] of Object.entries(doc.policy?.providers ?? {})) rows.push([`provider ${provider}`, days.production ? `${days.production} d` : '-', days.sandbox ? `${days.sandbox} d` : '-']);
      for (const [id, days] of Object.entries(doc.policy?.instances ?? {})) {
        const instance = doc.instances.find((i) => i.id === id);
        if (instance) rows.push([`instance ${instanceRef(instance)}`, instance.env === 'production' ? `${days} d` : '-', instance.env === 'sandbox' ? `${days} d` : '-']);
      }
      ctx.io.out(table(rows));
    });
  policy
    .command('set')
    .description('set a maximum age in days: the default, or one provider (--provider), or one instance (--instance)')
    .option('--production <days>', 'for production keys', parseDays)
    .option('--sandbox <days>', 'for sandbox keys', parseDays)
    .option('--days <days>', 'for the instance given with --instance', parseDays)
    .option('--provider <provider>', 'only this provider')
    .option('--instance <ref>', 'only this instance (PROVIDER/ORG/INSTANCE)')
    .option('--clear', 'remove the provider or instance override')
    .option('--team', "the team's policy, which every member's can only be stricter than (a lead's connection)")
    .action(async (opts: { production?: number; sandbox?: number; days?: number; provider?: string; instance?: string; clear?: boolean; team?: boolean }) => {
      if (opts.provider && opts.instance) fail('policy.scope-conflict', { field: 'instance' });
      let change: PolicyChange;
      if (opts.instance) {
        if (!opts.clear && opts.days === undefined) fail('policy.instance-days-missing', { field: 'days' });
        change = { scope: { kind: 'instance', ref: opts.instance }, days: opts.clear ? null : (opts.days ?? null) };
      } else {
        if (opts.days !== undefined) fail('policy.days-for-instance-only', { field: 'days' });
        if (opts.clear && !opts.provider) fail('policy.default-not-clearable', {});
        if (!opts.clear && opts.production === undefined && opts.sandbox === undefined) fail('policy.days-missing', { field: 'days' });
        const days = opts.clear ? { production: null, sandbox: null } : { ...(opts.production ? { production: opts.production } : {}), ...(opts.sandbox ? { sandbox: opts.sandbox } : {}) };
        change = { scope: opts.provider ? { kind: 'provider', provider: opts.provider } : { kind: 'default' }, days };
      }
      if (opts.team) {
        const team = await teamService(ctx);
        try {
          await setTeamPolicyLevel(team, change);
        } finally {
          await team.close();
        }
        return ctx.io.out('team policy saved\n');
      }
      const core = ctx.core();
      await setPolicy(core, change);
      ctx.io.out('policy saved\n');
    });

  const key = program.commands.find((c) => c.name() === 'key');
  key
    ?.command('set')
    .description("change a key's expiry (the provider's, as set in its dashboard) or its own maximum age")
    .argument('<ref>', 'PROVIDER/ORG/INSTANCE/NAME or key id')
    .option('--expires <date>', 'YYYY-MM-DD, or "never"')
    .option('--max-age <days>', 'days, or "policy" to follow the policy', (v: string) => {
      if (v === 'policy') return v;
      try {
        return String(parseDays(v));
      } catch {
        throw new InvalidArgumentError(`must be a whole number of days from 1 to ${MAX_DAYS}, or "policy".`);
      }
    })
    .action(async (ref: string, opts: { expires?: string; maxAge?: string }) => {
      if (opts.expires === undefined && opts.maxAge === undefined) fail('key-dates.nothing-to-change', { field: 'expires' });
      // The words clear the key's own value (commander cannot carry a null from a parser).
      const expiresOn = opts.expires === 'never' ? null : opts.expires;
      const maxAgeDays = opts.maxAge === undefined ? undefined : opts.maxAge === 'policy' ? null : Number(opts.maxAge);
      const changed = await setKeyDates(ctx.core(), ref, { expiresOn, maxAgeDays });
      ctx.io.out(`${changed.ref}: expires ${changed.expiresOn ?? 'never'}, maximum age ${changed.maxAgeDays ? `${changed.maxAgeDays} days` : 'from the policy'}\n`);
    });
}
