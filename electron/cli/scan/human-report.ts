import type { FindingCheck } from '../../core/node/scan/verify-findings.js';
import type { ReportedFinding } from '../../core/scan/sarif.js';
import { reportCounts, type KeyGroup, type ScanReport } from './scan-report.js';

/**
 * The report for a person: one block per key (its vault key, environment, status and masked key,
 * or its provider "not in your vault"), each place it is in, and the next safe action; then a
 * summary line. Masked keys only.
 */
export function humanReport(report: ScanReport, options: { dir: string }): string {
  const blocks = report.groups.map((g) => keyBlock(g, report, options.dir));
  return `${blocks.join('\n')}${blocks.length > 0 ? '\n' : ''}${summaryLine(report)}\n`;
}

export function summaryLine(report: ScanReport): string {
  const c = reportCounts(report);
  if (c.keys === 0) return `no provider keys found${c.baselined > 0 ? `; ${c.baselined} accepted by the baseline` : ''}`;
  return `${c.keys} ${c.keys === 1 ? 'key' : 'keys'} in ${c.places} ${c.places === 1 ? 'place' : 'places'} (${c.inVault} in your vault); ${c.baselined} accepted by the baseline`;
}

function keyBlock(g: KeyGroup, report: ScanReport, dir: string): string {
  const lines = [headerLine(g, report), ...g.places.map((p) => `  ${placeLine(p)}`)];
  if (g.check) lines.push(`  works now? ${checkText(g.check)}`);
  lines.push(...nextAction(g, report, dir).map((l, i) => `  ${i === 0 ? 'next: ' : '      '}${l}`));
  return `${lines.join('\n')}\n`;
}

function headerLine(g: KeyGroup, report: ScanReport): string {
  const f = g.first;
  if (f.match) return `${f.match.ref}  ${f.match.environment.toUpperCase()}  ${g.revoked ? 'revoked' : f.match.status}  ${f.match.maskedKey}`;
  const provider = f.providerId === null ? 'A' : (report.providerNames.get(f.providerId) ?? f.providerId);
  return `${provider}${f.environment ? ` ${f.environment}` : ''} key, not in your vault  ${f.maskedKey}${g.revoked ? '  revoked' : ''}`;
}

function placeLine(p: ReportedFinding): string {
  const at = `${p.path}:${p.line}:${p.column}${p.variable ? `  ${p.variable}` : ''}`;
  if (!p.commit) return at;
  return `${at}  commit ${p.commit.sha.slice(0, 10)} ${p.commit.authorDate.slice(0, 10)}${p.commit.atHead ? '' : '  (removed since)'}`;
}

function checkText(check: FindingCheck): string {
  const through = check.instanceRef ? ` (asked through ${check.instanceRef})` : '';
  if (check.result === 'valid') return `yes, it works${through}: treat it as live`;
  if (check.result === 'revoked') return `no, it is revoked${through}: ${check.reason}`;
  if (check.result === 'rejected') return `no, it was rejected${through}: ${check.reason}`;
  return `unknown${through}: ${check.reason}`;
}

/** The next safe action, in as many lines as it takes. */
function nextAction(g: KeyGroup, report: ScanReport, dir: string): string[] {
  const f = g.first;
  const committed = report.kind === 'history' || report.kind === 'pushed';
  if (g.revoked) return [`it is revoked already: no emergency; remove it from the ${committed ? 'files that still hold it' : 'file'}`];
  if (f.match) {
    const inVault = `it is in your vault as ${f.match.ref} (${f.match.environment.toUpperCase()}, ${f.match.status})`;
    if (committed) return [`it was committed (${inVault}), so rotate it: keyturn rotate ${f.match.ref}`, 'or revoke it now: keyturn revoke --leaked'];
    return [`remove it from the file; ${inVault}; if it was ever pushed, run keyturn revoke --leaked`];
  }
  const lines: string[] = [];
  if (committed) lines.push('it was committed: treat it as leaked');
  if (g.revocation) {
    lines.push(`revoke it at ${g.revocation.provider}: ${g.revocation.url}`);
    lines.push(...g.revocation.steps.map((s) => `  - ${s}`));
  } else {
    lines.push('revoke it at its provider');
  }
  if (report.kind === 'tree') lines.push(`or take it into your vault: keyturn scan ${shellWord(dir)} --import`);
  else if (report.kind === 'staged') lines.push('then remove it from the file before you commit');
  return lines;
}

/** A path as one shell word (quoted when it needs to be). */
function shellWord(text: string): string {
  return /^[A-Za-z0-9_./~:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
