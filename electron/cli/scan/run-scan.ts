import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { VaultDocument } from '../../core/domain/model.js';
import { repositoryRoot } from '../../core/node/git/repository.js';
import { scanPushed, scanStaged } from '../../core/node/git/staged-scan.js';
import { readBaselineFile, writeBaselineFile } from '../../core/node/scan/baseline-file.js';
import type { FindingCheck } from '../../core/node/scan/verify-findings.js';
import type { AuditEvent } from '../../core/ports/audit-sink.js';
import { applyBaseline, BASELINE_FILE, baselineText, EMPTY_BASELINE, type Baseline } from '../../core/scan/baseline.js';
import type { Finding, LeakScan } from '../../core/scan/finding.js';
import { matcherInputOf } from '../../core/scan/key-matcher.js';
import { scanAuditEvent } from '../../core/scan/scan-audit.js';
import type { CliContext } from '../context.js';
import { EXIT } from '../io.js';
import { pushLinesFrom } from './push-lines.js';
import type { ScanPlan } from './scan-options.js';
import { scanReport } from './scan-report.js';
import { reportStream, writeReport } from './write-report.js';
import type { TreeExtra } from './scan-report.js';

/** What a scan runs on: the whole CLI (the vault, the HTTP client), or the hook's lean path (metadata read only). */
export interface ScanHost {
  ctx: CliContext;
  /** The vault's metadata: what findings are matched against (never the keychain). */
  readDoc(): Promise<VaultDocument>;
  audit(event: AuditEvent): void;
  /** A folder or history scan: what the whole CLI does (the lean path has none). */
  scanWithVault: ((plan: ScanPlan, doc: VaultDocument) => Promise<WithVault>) | null;
}

/** What a scan that may write the vault (a folder's, the history's) did, besides its findings. */
export interface WithVault {
  scan: LeakScan;
  /** Writes what a folder scan printed after its findings (imports, references) in the chosen format; null for a history scan. */
  extra: TreeExtra | null;
  checks: ReadonlyMap<string, FindingCheck> | null;
}


export async function runScan(host: ScanHost, plan: ScanPlan): Promise<void> {
  const { ctx } = host;
  const doc = await host.readDoc();
  let done: WithVault;
  if (plan.source === 'staged' || plan.source === 'pushed') {
    const matcher = matcherInputOf(doc);
    const scan = plan.source === 'staged' ? await scanStaged(plan.dir, { matcher }) : await scanPushed(plan.dir, await pushLinesFrom(ctx.io), { matcher });
    done = { scan, extra: null, checks: null };
  } else {
    if (!host.scanWithVault) throw new Error('internal: a folder or history scan needs the whole CLI (see command-plan.ts)');
    done = await host.scanWithVault(plan, doc);
  }
  const { scan, extra } = done;
  const baselineRoot = scan.kind === 'tree' ? await treeBaselineRoot(plan.dir) : scan.root;
  const pathFor = (f: Finding) => (scan.kind === 'tree' ? relative(baselineRoot, f.file).split(sep).join('/') : f.path);
  const baseline = await readBaseline(plan, baselineRoot);
  const keyed = scan.findings.map((finding) => ({ finding, fingerprint: finding.fingerprint, path: pathFor(finding) }));

  if (plan.writeBaseline !== null) {
    const previous = existsSync(plan.writeBaseline) ? await readBaselineFile(plan.writeBaseline, { given: true }) : EMPTY_BASELINE;
    const { text, lines } = baselineText([...keyed, ...unseenEntries(previous, scan, plan, baselineRoot)], [previous, baseline]);
    await writeBaselineFile(plan.writeBaseline, text);
    host.audit(scanAuditEvent(scan, { reported: 0, baselined: scan.findings.length }));
    reportStream(ctx, plan)(`wrote ${lines} accepted finding(s) to ${plan.writeBaseline}${baselineRoot === plan.dir ? '' : ` (paths from ${baselineRoot})`}\n`);
    return;
  }

  const { reported, baselined } = applyBaseline(keyed, baseline);
  const shown = reported.map((k) => k.finding).filter((f) => !extra?.replaced.has(`${f.file}\u0000${f.line}`));
  const report = scanReport({ kind: scan.kind, root: scan.root, read: scan.counts, reported: reported.map((k) => k.finding), baselined: baselined.length, doc, checks: done.checks });
  host.audit(scanAuditEvent(scan, { reported: reported.length, baselined: baselined.length }));
  writeReport(ctx, plan, report, extra);
  // An import that replaced every key by its reference leaves none in plain text: nothing to report.
  if (shown.length > 0) ctx.exitCode = Math.max(ctx.exitCode, EXIT.verificationFailed);
}

/**
 * The lines of a baseline being rewritten that this scan could not have found again, kept as they
 * are: a scan of the staged changes, of pushed commits or of history since a revision sees only
 * part of the repository, and a folder scan only the files it read. A full history scan sees
 * every line ever committed: what it did not find is gone.
 */
function unseenEntries(previous: Baseline, scan: LeakScan, plan: ScanPlan, root: string): Baseline['entries'] {
  if (scan.kind === 'history' && plan.since === null) return [];
  if (scan.kind !== 'tree') return previous.entries;
  const read = new Set(scan.scannedFiles);
  return previous.entries.filter((e) => !read.has(join(root, ...e.path.split('/'))));
}

/** Where a folder scan's baseline is and what its paths are relative to: the repository's top folder, else the folder. */
async function treeBaselineRoot(dir: string): Promise<string> {
  try {
    return (await repositoryRoot(dir)) ?? dir;
  } catch {
    // A folder scan never needs git: without an answer from it, the folder is the root.
    return dir;
  }
}

function readBaseline(plan: ScanPlan, root: string): Promise<Baseline> {
  return plan.baseline !== null ? readBaselineFile(plan.baseline, { given: true }) : readBaselineFile(join(root, BASELINE_FILE), { given: false });
}
