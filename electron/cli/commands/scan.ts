import type { Command } from 'commander';
import { fail } from '../../core/domain/problems/problem-error.js';
import { scanAndRecord } from '../../core/node/scan/scan-and-record.js';
import { toDisplay, type SkippedFile } from '../../core/node/scan/scan-folder.js';
import type { ImportOutcome, ScanReference } from '../../core/scan/finding.js';
import { findKey } from '../../core/vault/refs.js';
import type { CliContext } from '../context.js';
import { table } from '../format.js';
import { cliProblemText } from '../problems/wordings.js';

interface ScanCommandOptions {
  json?: boolean;
  import?: boolean;
  replaceWithReferences?: boolean;
}

export function registerScanCommand(program: Command, ctx: CliContext): void {
  program
    .command('scan')
    .description(
      'find provider keys and keyturn:// references in .env files under a folder; each reference is recorded as a usage site of its key (metadata only, shown by "key show"); --import adds the new keys with their files as swap targets',
    )
    .argument('<dir>', 'folder to scan (node_modules, .git and symbolic links are skipped)')
    .option('--json', 'print JSON')
    .option('--import', 'add the keys not yet in the vault')
    .option('--replace-with-references', 'with --import: rewrite each imported value in its .env file as the key\'s keyturn:// reference (atomically, every other byte kept, a backup next to the file); the file is then a reference site, not a swap target')
    .action(async (dir: string, opts: ScanCommandOptions) => {
      if (opts.replaceWithReferences && !opts.import) fail('scan.replace-needs-import', {});
      const vault = ctx.vault();
      // Files left unread (links, FIFOs, too large) go to stderr: stdout stays the findings alone.
      const onSkip = ({ file, problem }: SkippedFile) => ctx.io.err(`skipped ${JSON.stringify(file)}: ${cliProblemText(problem)}\n`);
      const scanned = await scanAndRecord(vault, dir, { onSkip, import: opts.import ?? false, replaceWithReferences: opts.replaceWithReferences ?? false, cwd: process.cwd(), now: ctx.clock.now() });
      const { imported, skipped, references } = scanned;
      const shown = scanned.classified.map((c) => ({ ...toDisplay(c), inVault: c.known ? c.keyRef : null }));
      if (opts.json) {
        // Scripts read the reasons in the terminal's words, as before problems had codes.
        const importedShown = imported.map(({ refusedTargets, notReplaced, ...i }) => ({
          ...i,
          refusedTargets: refusedTargets.map((r) => ({ file: r.file, reason: cliProblemText(r.problem) })),
          ...(notReplaced ? { notReplaced: notReplaced.map((r) => ({ file: r.file, reason: cliProblemText(r.problem) })) } : {}),
        }));
        const skippedShown = skipped.map((s) => ({ maskedKey: s.maskedKey, reason: cliProblemText(s.problem) }));
        const report = opts.import ? { findings: shown, imported: importedShown, skipped: skippedShown, references } : { findings: shown, references };
        return ctx.io.out(`${JSON.stringify(report, null, 2)}\n`);
      }
      if (shown.length === 0) ctx.io.out('no provider keys found\n');
      else ctx.io.out(table([['FILE', 'VARIABLE', 'KEY', 'PROVIDER', 'IN VAULT'], ...shown.map((f) => [`${f.file}:${f.line}`, f.variable ?? '-', f.maskedKey, f.providerId ?? '-', f.inVault ?? 'no'])]));
      describeImported(ctx, imported);
      for (const s of skipped) ctx.io.out(`not imported ${s.maskedKey}: ${cliProblemText(s.problem)}\n`);
      describeReferences(ctx, references);
    });
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
