import type { Command } from 'commander';
import { importFindings, type ImportOutcome } from '../../core/node/scan/import-findings.js';
import { classifyFindings } from '../../core/scan/import-plan.js';
import { scanFolder, toDisplay, type SkippedFile } from '../../core/node/scan/scan-folder.js';
import type { CliContext } from '../context.js';
import { table } from '../format.js';
import { cliProblemText } from '../problems/wordings.js';

export function registerScanCommand(program: Command, ctx: CliContext): void {
  program
    .command('scan')
    .description('find provider keys in .env files under a folder; --import adds the new ones with their files as swap targets')
    .argument('<dir>', 'folder to scan (node_modules, .git and symbolic links are skipped)')
    .option('--json', 'print JSON')
    .option('--import', 'add the keys not yet in the vault')
    .action(async (dir: string, opts: { json?: boolean; import?: boolean }) => {
      const vault = ctx.vault();
      // Files left unread (links, FIFOs, too large) go to stderr: stdout stays the findings alone.
      const onSkip = ({ file, problem }: SkippedFile) => ctx.io.err(`skipped ${JSON.stringify(file)}: ${cliProblemText(problem)}\n`);
      const classified = classifyFindings(await scanFolder(dir, { onSkip }), vault.read());
      const { imported, skipped }: ImportOutcome = opts.import ? await importFindings(vault, classified, process.cwd()) : { imported: [], skipped: [] };
      const shown = classified.map((c) => ({ ...toDisplay(c), inVault: c.known ? c.keyRef : null }));
      if (opts.json) {
        // Scripts read the reasons in the terminal's words, as before problems had codes.
        const importedShown = imported.map((i) => ({ ...i, refusedTargets: i.refusedTargets.map((r) => ({ file: r.file, reason: cliProblemText(r.problem) })) }));
        const skippedShown = skipped.map((s) => ({ maskedKey: s.maskedKey, reason: cliProblemText(s.problem) }));
        return ctx.io.out(`${JSON.stringify(opts.import ? { findings: shown, imported: importedShown, skipped: skippedShown } : shown, null, 2)}\n`);
      }
      if (shown.length === 0) return ctx.io.out('no provider keys found\n');
      ctx.io.out(table([['FILE', 'VARIABLE', 'KEY', 'PROVIDER', 'IN VAULT'], ...shown.map((f) => [`${f.file}:${f.line}`, f.variable, f.maskedKey, f.providerId, f.inVault ?? 'no'])]));
      for (const i of imported) {
        ctx.io.out(`imported ${i.ref} with ${i.targets} swap target(s)\n`);
        for (const r of i.refusedTargets) ctx.io.out(`  not a swap target: ${cliProblemText(r.problem)}\n`);
      }
      for (const s of skipped) ctx.io.out(`not imported ${s.maskedKey}: ${cliProblemText(s.problem)}\n`);
    });
}
