import type { Command } from 'commander';
import type { VaultDocument } from '../../core/domain/model.js';
import { scanHistory } from '../../core/node/git/history-scan.js';
import { recordUnlessKeychainAway, scanAndRecord } from '../../core/node/scan/scan-and-record.js';
import type { Problem } from '../../core/domain/problems/catalogue.js';
import { verifyFindings } from '../../core/node/scan/verify-findings.js';
import type { SkippedFile } from '../../core/node/scan/scan-folder.js';
import type { ImportOutcome, LeakScan, ScanReference } from '../../core/scan/finding.js';
import { matcherInputOf } from '../../core/scan/key-matcher.js';
import { recordScanSites } from '../../core/scan/scan-sites.js';
import type { Vault } from '../../core/node/vault/vault.js';
import { findKey } from '../../core/vault/refs.js';
import type { CliContext } from '../context.js';
import { table } from '../format.js';
import { cliProblemText } from '../problems/wordings.js';
import { hookScanHost } from '../scan/hook-host.js';
import { runScan, type WithVault } from '../scan/run-scan.js';
import type { TreeExtra } from '../scan/scan-report.js';
import { declareScanCommand, scanPlanOf, type ScanCommandOptions, type ScanPlan } from '../scan/scan-options.js';

export function registerScanCommand(program: Command, ctx: CliContext): void {
  declareScanCommand(program).action(async (path: string | undefined, opts: ScanCommandOptions) => {
    const plan = scanPlanOf(path, opts, process.cwd());
    // A hook's scan reads the vault's metadata only (and runs without the vault's parts: see command-plan.ts).
    if (plan.source === 'staged' || plan.source === 'pushed') return runScan(hookScanHost(ctx), plan);
    const vault = ctx.vault();
    await runScan(
      {
        ctx,
        readDoc: async () => vault.read(),
        audit: (event) => ctx.core().audit.append(event),
        scanWithVault: (p, doc) => scanWithVault(ctx, vault, p, doc),
      },
      plan,
    );
  });
}

/** A folder's or the history's scan: the sites it found recorded on the vault's keys, and --verify's checks. */
async function scanWithVault(ctx: CliContext, vault: Vault, plan: ScanPlan, doc: VaultDocument): Promise<WithVault> {
  let scan: LeakScan;
  let extra: TreeExtra | null = null;
  if (plan.source === 'tree') {
    // Files left unread (links, FIFOs, too large) go to stderr: stdout stays the findings alone.
    const onSkip = ({ file, problem }: SkippedFile) => ctx.io.err(`skipped ${JSON.stringify(file)}: ${cliProblemText(problem)}\n`);
    const scanned = await scanAndRecord(vault, plan.dir, { onSkip, import: plan.import, replaceWithReferences: plan.replaceWithReferences, cwd: process.cwd(), now: ctx.clock.now() });
    scan = scanned.scan;
    extra = treeExtra(ctx, plan, scanned);
    warnUnrecorded(ctx, scanned.unrecorded);
  } else {
    scan = await scanHistory(plan.dir, { matcher: matcherInputOf(doc), ...(plan.since !== null ? { since: plan.since } : {}) });
    // A folder's sites are recorded by scanAndRecord; the history's here. Asked first on what the
    // vault holds now: a write checks the keychain, and a scan with nothing to record needs none.
    const before = vault.read();
    const found = scan;
    if (recordScanSites(before, found, ctx.clock.now()).doc !== before) warnUnrecorded(ctx, await recordUnlessKeychainAway(() => vault.recordScanSites(found)));
  }
  const checks = plan.verify && scan.findings.length > 0 ? await verifyFindings({ http: ctx.core().http, clock: ctx.clock, doc: vault.read() }, scan.findings) : null;
  return { scan, extra, checks };
}

/** The report stands without the sites it could not record; the person is told why, on stderr. */
function warnUnrecorded(ctx: CliContext, unrecorded: Problem | null): void {
  if (unrecorded) ctx.io.err(`warning: where the vault's keys were found is not recorded on them (${cliProblemText(unrecorded)})\n`);
}

/** What a folder scan reports besides its findings: the references it found, and what an import did. */
function treeExtra(ctx: CliContext, plan: ScanPlan, scanned: ImportOutcome & { references: ScanReference[] }): TreeExtra {
  const { imported, skipped, references } = scanned;
  // Scripts read the reasons in the terminal's words, as before problems had codes.
  const importedShown = imported.map(({ refusedTargets, notReplaced, ...i }) => ({
    ...i,
    refusedTargets: refusedTargets.map((r) => ({ file: r.file, reason: cliProblemText(r.problem) })),
    ...(notReplaced ? { notReplaced: notReplaced.map((r) => ({ file: r.file, reason: cliProblemText(r.problem) })) } : {}),
  }));
  const skippedShown = skipped.map((s) => ({ maskedKey: s.maskedKey, reason: cliProblemText(s.problem) }));
  const replaced = new Set(imported.flatMap((i) => (i.replaced ?? []).flatMap((r) => r.lines.map((line) => `${r.file}\u0000${line}`))));
  return {
    json: plan.import ? { references, imported: importedShown, skipped: skippedShown } : { references },
    human: () => {
      describeImported(ctx, imported);
      for (const s of skipped) ctx.io.out(`not imported ${s.maskedKey}: ${cliProblemText(s.problem)}\n`);
      describeReferences(ctx, references);
    },
    replaced,
  };
}

function describeImported(ctx: CliContext, imported: ImportOutcome['imported']): void {
  for (const i of imported) {
    if (i.replaced || i.notReplaced) {
      ctx.io.out(`imported ${i.ref}, named by reference in ${i.replaced?.length ?? 0} file(s)\n`);
      for (const r of i.replaced ?? []) ctx.io.out(`  ${r.file}: ${r.variable}=${r.reference} (the file as it was: ${r.backupPath}; it holds the plaintext key, delete it once the reference works)\n`);
      for (const r of i.notReplaced ?? []) ctx.io.out(`  not replaced: ${cliProblemText(r.problem)}\n`);
      continue;
    }
    ctx.io.out(`imported ${i.ref} with ${i.targets} swap target(s)\n`);
    for (const r of i.refusedTargets) ctx.io.out(`  not a swap target: ${cliProblemText(r.problem)}\n`);
  }
}

/** The references found, and the key each names now; one that names nothing here is listed, never fatal. */
function describeReferences(ctx: CliContext, references: readonly ScanReference[]): void {
  if (references.length === 0) return;
  const doc = ctx.vault().read();
  const keyShown = (r: ScanReference) => {
    if (r.keyRef === null) return 'not in this vault';
    const status = findKey(doc, r.keyRef).record.status;
    return status === 'active' ? r.keyRef : `${r.keyRef} (${status})`;
  };
  ctx.io.out(`\n${table([['REFERENCE', 'FILE:LINE', 'VARIABLE', 'KEY'], ...references.map((r) => [r.reference, `${r.file}:${r.line}`, r.variable ?? '-', keyShown(r)])])}`);
  const recorded = references.filter((r) => r.keyRef !== null).length;
  if (recorded > 0) ctx.io.out(`${recorded} reference site(s) recorded on their keys (keyturn key show REF lists them)\n`);
  const unknown = references.length - recorded;
  if (unknown > 0) ctx.io.err(`warning: ${unknown} reference(s) name no key in this vault (a typo, or another vault's key): they will not resolve\n`);
}
