import { InvalidArgumentError, type Command } from 'commander';
import { auditRows, auditSummary, exportAudit, type AuditRow } from '../../core/audit/audit-report.js';
import { fail } from '../../core/domain/problems/problem-error.js';
import { POLICY_STATES, type PolicyState } from '../../core/policy/key-policy.js';
import type { CliContext } from '../context.js';
import { table } from '../format.js';
import { parseEnvironment } from './parsers.js';

function parseState(value: string): PolicyState {
  if (!(POLICY_STATES as readonly string[]).includes(value)) throw new InvalidArgumentError(`--state must be one of: ${POLICY_STATES.map((s) => `"${s}"`).join(', ')}`);
  return value as PolicyState;
}

/** A row's state as the table shows it: a rejected key says so first; a pending key is the rotation's, not a key in use. */
function auditState(r: AuditRow): string {
  if (r.pendingFor !== null) return 'pending (rotation)';
  return r.rejected && r.status === 'active' ? `rejected, ${r.policyState}` : r.policyState;
}

export function registerAuditCommand(program: Command, ctx: CliContext): void {
  program
    .command('audit')
    .description('every key with its age, expiry, policy state, last verification and rotation (metadata only: no keychain access)')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('--ics', 'print a calendar (.ics) of upcoming expiry and rotation due dates')
    .option('--env <env>', 'sandbox or production', parseEnvironment)
    .option('--state <state>', `one of ${POLICY_STATES.join(', ')}`, parseState)
    .action((opts: { json?: boolean; csv?: boolean; ics?: boolean; env?: 'sandbox' | 'production'; state?: PolicyState }) => {
      const formats = [opts.json, opts.csv, opts.ics].filter(Boolean).length;
      if (formats > 1) fail('report.formats-conflict', {});
      const vault = ctx.vault();
      const now = ctx.clock.now();
      const rows = auditRows(vault.read(), now, { env: opts.env, state: opts.state });
      const format = opts.json ? 'json' : opts.csv ? 'csv' : opts.ics ? 'ics' : 'table';
      ctx.core().audit.append({ action: 'audit.export', outcome: 'ok', detail: `${rows.length} keys as ${format}` });
      if (format !== 'table') return ctx.io.out(exportAudit(rows, format, now).content);
      const summary = auditSummary(rows, now);
      ctx.io.out(
        table([
          ['KEY', 'ENV', 'AGE', 'STATE', 'DUE', 'BY', 'LAST VERIFIED', 'LAST ROTATION', 'TARGETS'],
          ...rows.map((r) => [r.ref, r.env, `${r.ageDays}d`, auditState(r), r.dueOn ?? '-', r.dueBy ?? '-', r.lastVerification ? `${r.lastVerification} ${r.lastVerifiedAt?.slice(0, 10) ?? ''}` : 'never', r.lastRotationAt?.slice(0, 10) ?? '-', String(r.targets)]),
        ]),
      );
      const pending = summary.pending > 0 ? ` (and ${summary.pending} pending in a rotation)` : '';
      ctx.io.out(`${summary.keys} ${summary.keys === 1 ? 'key' : 'keys'}${pending}: ${summary.overdue} overdue, ${summary.expired} expired, ${summary.dueIn7Days} due in 7 days, ${summary.unverified30Days} unverified for 30 days, ${summary.rejected} rejected\n`);
    });
}
