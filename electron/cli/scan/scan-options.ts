import { resolve } from 'node:path';
import type { Command } from 'commander';
import { fail } from '../../core/domain/problems/problem-error.js';

/** The flags of `keyturn scan`, as commander gives them. */
export interface ScanCommandOptions {
  json?: boolean;
  sarif?: boolean;
  import?: boolean;
  replaceWithReferences?: boolean;
  verify?: boolean;
  git?: boolean;
  staged?: boolean;
  pushed?: boolean;
  since?: string;
  baseline?: string;
  writeBaseline?: string;
}

/** What a scan reads: a folder's files, the history from HEAD, the staged changes, or the commits a push sends. */
export type ScanSource = 'tree' | 'history' | 'staged' | 'pushed';

/** One `keyturn scan` as it will run, its flags checked against each other. */
export interface ScanPlan {
  source: ScanSource;
  /** The folder or repository, made full. */
  dir: string;
  format: 'human' | 'json' | 'sarif';
  import: boolean;
  replaceWithReferences: boolean;
  verify: boolean;
  since: string | null;
  /** The baseline named (`--baseline`), made full; null: `.keyturnignore` at the root, if any. */
  baseline: string | null;
  writeBaseline: string | null;
}

/** The command's arguments and flags (the whole CLI and the lean hook path declare the same ones). */
export function declareScanCommand(program: Command): Command {
  return program
    .command('scan')
    .description(
      'find provider keys and vault keys in plain text: every text file under a folder (.gitignore, node_modules, .git and binary files skipped), the git history (--git), what a commit would record (--staged) or what a push sends (--pushed); each finding names its vault key or its provider, never the secret. Exit 0: nothing found (or all accepted by the baseline), 1: keys found, 2: bad input',
    )
    .argument('[path]', 'folder or repository (default: the current folder)')
    .option('--git', 'scan the history reachable from HEAD: every line every commit added')
    .option('--since <rev>', 'with --git: only the commits after this revision')
    .option('--staged', 'scan what `git commit` would record now (the pre-commit hook)')
    .option('--pushed', 'scan the commits a push sends (the pre-push hook: git\'s lines on stdin)')
    .option('--json', 'print JSON')
    .option('--sarif', 'print SARIF 2.1.0 (GitHub code scanning)')
    .option('--verify', 'ask each key\'s provider whether it works now (valid, rejected, revoked)')
    .option('--baseline <file>', 'the accepted findings (default: .keyturnignore at the repository\'s root, or the folder\'s)')
    .option('--write-baseline <file>', 'write every finding of this scan to FILE as accepted (reasons already there kept), and exit 0')
    .option('--import', 'add the keys not yet in the vault (a folder scan)')
    .option('--replace-with-references', 'with --import: rewrite each imported value in its .env file as the key\'s keyturn:// reference (atomically, every other byte kept, a backup next to the file); the file is then a reference site, not a swap target');
}

export function scanPlanOf(path: string | undefined, opts: ScanCommandOptions, cwd: string): ScanPlan {
  if (opts.replaceWithReferences && !opts.import) fail('scan.replace-needs-import', {});
  const sources = [opts.git && 'history', opts.staged && 'staged', opts.pushed && 'pushed'].filter((s): s is ScanSource => typeof s === 'string');
  if (sources.length > 1) fail('scan.options-conflict', { conflict: 'one-source' });
  const source: ScanSource = sources[0] ?? 'tree';
  if (opts.json && opts.sarif) fail('scan.options-conflict', { conflict: 'one-format' });
  if (opts.import && source !== 'tree') fail('scan.options-conflict', { conflict: 'import-tree-only' });
  if (opts.since !== undefined && source !== 'history') fail('scan.options-conflict', { conflict: 'since-history-only' });
  if (opts.verify && (source === 'staged' || source === 'pushed')) fail('scan.options-conflict', { conflict: 'verify-not-hook' });
  if (opts.writeBaseline !== undefined && opts.import) fail('scan.options-conflict', { conflict: 'write-baseline-not-import' });
  return {
    source,
    dir: resolve(cwd, path ?? '.'),
    format: opts.sarif ? 'sarif' : opts.json ? 'json' : 'human',
    import: opts.import ?? false,
    replaceWithReferences: opts.replaceWithReferences ?? false,
    verify: opts.verify ?? false,
    since: opts.since ?? null,
    baseline: opts.baseline === undefined ? null : resolve(cwd, opts.baseline),
    writeBaseline: opts.writeBaseline === undefined ? null : resolve(cwd, opts.writeBaseline),
  };
}
