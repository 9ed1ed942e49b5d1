import type { Command } from 'commander';
import { readAuditLog, verifyLog } from '../../core/node/audit/verify-log.js';
import type { CliContext } from '../context.js';
import { table } from '../format.js';
import { checkAgainstTeam, withTeamCheck } from '../team/log-check.js';

export function registerLogCommands(program: Command, ctx: CliContext): void {
  const log = program.command('log').description('the audit log: every action, hash-chained, no secrets');
  log
    .command('verify')
    .description('check the chain and the keychain record of the newest entry; names the line where it breaks')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const local = await verifyLog(ctx.auditLog(), ctx.core().metadata);
      // In a vault joined to a team, the team's copy of the log is checked too: an edit or a cut here no longer matches it.
      const team = await ctx.joinedTeam();
      const result = team ? withTeamCheck(local, await checkAgainstTeam(team)) : local;
      if (!result.ok) ctx.exitCode = 1;
      if (opts.json) return ctx.io.out(`${JSON.stringify(result, null, 2)}\n`);
      for (const p of result.problems) ctx.io.out(`${p.line === null ? 'the log' : `line ${p.line}`}: ${p.problem}\n`);
      for (const n of result.notes) ctx.io.out(`note: ${n}\n`);
      ctx.io.out(result.ok ? `the audit log is intact: ${result.entries} entries\n` : `the audit log has been tampered with (${result.problems.length} problem(s) in ${result.entries} lines)\n`);
    });
  log
    .command('show')
    .description('print the audit log')
    .option('--json', 'print JSON (an array of entries)')
    .action((opts: { json?: boolean }) => {
      const { lines, entries } = readAuditLog(ctx.auditLog().path);
      if (opts.json) return ctx.io.out(`${JSON.stringify(entries, null, 2)}\n`);
      ctx.io.out(
        table([
          ['#', 'TIME', 'ACTION', 'KEY', 'OUTCOME', 'DETAIL'],
          ...entries.map((e, i) => (e ? [String(e.seq), e.at, e.action, e.maskedKey ?? '-', e.outcome, e.detail ?? ''] : [String(i + 1), '?', 'not an entry', '', '', (lines[i] ?? '').slice(0, 60)])),
        ]),
      );
    });
}
