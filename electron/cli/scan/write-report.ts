import { sarifLog } from '../../core/scan/sarif.js';
import type { CliContext } from '../context.js';
import { humanReport } from './human-report.js';
import type { ScanPlan } from './scan-options.js';
import { reportCounts, type ScanReport, type TreeExtra } from './scan-report.js';
import { toolVersion } from './tool-version.js';

/**
 * Where a report for a person goes: stderr for a hook's scan (--staged, --pushed), which is what
 * `git commit` and `git push` show; stdout otherwise. JSON and SARIF always go to stdout.
 */
export function reportStream(ctx: CliContext, plan: ScanPlan): (text: string) => void {
  return plan.source === 'staged' || plan.source === 'pushed' ? (t) => ctx.io.err(t) : (t) => ctx.io.out(t);
}

export function writeReport(ctx: CliContext, plan: ScanPlan, report: ScanReport, extra: TreeExtra | null): void {
  if (plan.format === 'sarif') {
    const log = sarifLog({ kind: report.kind, root: report.root, findings: report.findings, providerNames: report.providerNames, toolVersion: toolVersion() });
    return ctx.io.out(`${JSON.stringify(log, null, 2)}\n`);
  }
  if (plan.format === 'json') {
    const findings = report.findings.map((f) => {
      const check = report.checks?.get(f.fingerprint);
      return { ...f, inVault: f.match?.ref ?? null, ...(check ? { verification: check } : {}) };
    });
    const { keys, places, inVault } = reportCounts(report);
    const json = { kind: report.kind, root: report.root, findings, ...(extra?.json ?? { references: [] }), baselined: report.baselined, counts: { keys, places, inVault, ...report.read } };
    return ctx.io.out(`${JSON.stringify(json, null, 2)}\n`);
  }
  const out = reportStream(ctx, plan);
  out(humanReport(report, { dir: plan.dir }));
  extra?.human(report);
  if (report.findings.length > 0 && plan.source === 'staged') out('commit refused: remove these keys from the staged files (accept a finding with keyturn scan --staged --write-baseline .keyturnignore)\n');
  if (report.findings.length > 0 && plan.source === 'pushed') out('push refused: these keys are in the commits being pushed (rotate or revoke them; accept a finding with keyturn scan --pushed --write-baseline .keyturnignore)\n');
}
