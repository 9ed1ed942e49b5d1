import type { Command } from 'commander';
import { POLICY_STATES, type PolicyState } from '../../core/policy/key-policy.js';
import { fail, ProblemError } from '../../core/domain/problems/problem-error.js';
import type { Environment } from '../../core/domain/model.js';
import type { TeamService } from '../../core/team/team-service.js';
import type { CliContext } from '../context.js';
import { stripOneTrailingNewline } from '../io.js';
import { parseEnvironment } from './parsers.js';
import { writeTeamAudit, type TeamAuditFormat } from '../team/team-audit-output.js';
import { lookUpLeaked, lookupExitCode, lookupText } from '../team/leaked-lookup.js';
import { invitationText, outcomeText, statusJson } from '../team/team-output.js';
import { cliProblemText } from '../problems/wordings.js';
import { parseState, statusText, waitingCount, waitingWords } from '../team/team-format.js';
import { passwordOf, keptAdminTeam } from '../team/team-url.js';

/** The service of a vault joined to a team; team.not-connected otherwise. */
async function joined(ctx: CliContext): Promise<TeamService> {
  const team = await ctx.joinedTeam();
  if (!team) fail('team.not-connected', {});
  return team;
}

/** The leaked text: typed at a hidden prompt on a terminal, else all of stdin (as `keyturn revoke --leaked` reads it). */
export async function readLeakedText(ctx: CliContext): Promise<string> {
  return ctx.io.promptSecret
    ? ctx.io.promptSecret('Paste the leaked key or the line holding it (input hidden; pipe several lines in on stdin):')
    : stripOneTrailingNewline(await ctx.io.readStdin());
}

export function registerTeamCommands(program: Command, ctx: CliContext): void {
  const team = program.command('team').description("share this vault's key metadata and audit log with a team, on PostgreSQL (never a secret)");

  team
    .command('init')
    .description("an administrator's connection: applies the schema, creates the team; kept on this machine (password in the keychain) for invite")
    .argument('<postgres-url>', 'postgresql://ROLE[:PASSWORD]@HOST:PORT/DATABASE (a role that may create schemas and roles)')
    .requiredOption('--team <name>', 'the team to create')
    .action(async (url: string, opts: { team: string }) => {
      const password = await passwordOf(ctx.io, url, 'optional');
      const service = await ctx.team();
      const result = await service.init({ url, team: opts.team, ...(password !== null ? { password } : {}) });
      ctx.io.out(`${result.created ? 'created' : 'found'} team "${result.team}" (schema version ${result.schemaVersion})\n`);
      ctx.io.out('this connection is kept on this machine (its password in the keychain): invite members with "keyturn team invite MEMBER"\n');
    });

  team
    .command('invite')
    .description("after init, on the same connection: the member's own database role, and its connection URL with a new password, shown once")
    .argument('<member>', "the member's name (lowercase letters, digits, - and _)")
    .option('--lead', 'a lead: reads every member\'s keys and audit entries, and sets the team policy')
    .option('--json', 'print JSON')
    .action(async (member: string, opts: { lead?: boolean; json?: boolean }) => {
      const service = await ctx.team();
      const invited = await service.invite({ member, lead: opts.lead === true });
      const teamName = keptAdminTeam(ctx.unopened().home);
      if (opts.json) return ctx.io.out(`${JSON.stringify({ ...invited, team: teamName, shownOnce: true }, null, 2)}\n`);
      ctx.io.out(invitationText(invited, teamName));
    });

  team
    .command('connect')
    .description("join this vault to a team with a member's URL; the password (from the URL, or asked) is kept in the keychain")
    .argument('<postgres-url>', 'the URL your invitation gave you: postgresql://ROLE[:PASSWORD]@HOST:PORT/DATABASE')
    .requiredOption('--team <name>', 'the team to join')
    .option('--member <name>', 'the member the role must belong to (checked)')
    .action(async (url: string, opts: { team: string; member?: string }) => {
      const password = await passwordOf(ctx.io, url, 'needed');
      const service = await ctx.team();
      // connect delivers a first time itself (this vault's keys and audit log): nothing more at the end of the run.
      ctx.teamDelivered();
      const status = await service.connect({ url, team: opts.team, ...(opts.member !== undefined ? { member: opts.member } : {}), ...(password !== null ? { password } : {}) });
      ctx.io.out(`joined team "${status.team ?? opts.team}" as ${status.member ?? '?'}${status.lead ? ' (lead)' : ''} from machine ${status.machine ?? '?'}; the database password is kept in the keychain\n`);
      const waiting = waitingCount(status.waiting);
      if (waiting === 0) ctx.io.out("team: this vault's keys and audit log are delivered; nothing waits\n");
      else ctx.io.err(`team: ${waitingWords(waiting)}${status.problem ? `: ${cliProblemText(status.problem)}` : ''}\n`);
    });

  team
    .command('status')
    .description('the team, member and machine, whether the database answers, the last sync and how many changes wait')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const service = await ctx.team();
      const status = await service.status({ probe: true });
      ctx.io.out(opts.json ? `${JSON.stringify(statusJson(status), null, 2)}\n` : statusText(status));
    });

  team
    .command('sync')
    .description('deliver the changes that wait now (exit 0 when nothing waits)')
    .action(async () => {
      const service = await joined(ctx);
      ctx.teamDelivered();
      const outcome = await service.sync();
      if (!outcome.problem) return ctx.io.out(outcomeText(outcome));
      ctx.io.err(`team: ${waitingWords(waitingCount(outcome.waiting))}\n`);
      throw new ProblemError(outcome.problem);
    });

  team
    .command('audit')
    .description("every member's keys: the columns of \"keyturn audit\" with member and machine, and the summary over the whole team")
    .option('--json', 'print JSON (streamed: {"rows": [...], "summary": {...}})')
    .option('--csv', 'print CSV (streamed)')
    .option('--member <member>', 'only the keys of this member')
    .option('--env <env>', 'sandbox or production', parseEnvironment)
    .option('--state <state>', `one of ${POLICY_STATES.join(', ')}`, parseState)
    .action(async (opts: { json?: boolean; csv?: boolean; member?: string; env?: Environment; state?: PolicyState }) => {
      if (opts.json && opts.csv) fail('report.formats-conflict', {});
      const service = await joined(ctx);
      const format: TeamAuditFormat = opts.json ? 'json' : opts.csv ? 'csv' : 'table';
      const filter = { ...(opts.member !== undefined ? { member: opts.member } : {}), ...(opts.env ? { env: opts.env } : {}), ...(opts.state ? { state: opts.state } : {}) };
      const count = await writeTeamAudit(service.audit(filter), format, ctx.clock.now(), (text) => ctx.io.out(text));
      ctx.core().audit.append({ action: 'audit.export', outcome: 'ok', detail: `team: ${count} keys as ${format}` });
    });

  team
    .command('find')
    .description("whose key a leaked string is (on stdin): the member, the machine, where it is used and how to revoke it (exit 0 found, 1 no match)")
    .requiredOption('--leaked', 'read the leaked text (a key, a log excerpt, a command line) from stdin')
    .action(async () => {
      const service = await joined(ctx);
      const pasted = await readLeakedText(ctx);
      const doc = ctx.vault().read();
      const lookup = await lookUpLeaked(service, doc, pasted);
      const { team: teamName } = await service.status({ probe: false });
      ctx.io.out(lookupText(lookup, teamName, doc));
      ctx.exitCode = lookupExitCode(lookup);
    });

  team
    .command('disconnect')
    .description("leave the team: this vault's keys leave the team's inventory, its audit entries stay; the password leaves the keychain")
    .action(async () => {
      const service = await joined(ctx);
      const { team: teamName, member } = await service.status({ probe: false });
      ctx.teamDelivered();
      await service.disconnect();
      ctx.io.out(`this vault left team "${teamName ?? '?'}"${member ? ` (as ${member})` : ''}\n`);
    });
}
