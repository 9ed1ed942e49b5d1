import { stat } from 'node:fs/promises';
import { basename, dirname, relative, sep } from 'node:path';
import type { CallResult, ParsedArgs } from '../contract/contract.js';
import type { ScanFindingView } from '../contract/views.js';
import type { Problem } from '../core/domain/problems/catalogue.js';
import { fail, isProblem } from '../core/domain/problems/problem-error.js';
import { readCappedRegularFile } from '../core/node/fs/read-capped.js';
import { scanHistory } from '../core/node/git/history-scan.js';
import { readFileAtCommit } from '../core/node/git/read-at-commit.js';
import { repositoryRoot } from '../core/node/git/repository.js';
import { scanAndRecord } from '../core/node/scan/scan-and-record.js';
import { DEFAULT_MAX_FILE_BYTES, isEnvFile, toDisplay, type SkippedFile } from '../core/node/scan/scan-folder.js';
import type { LeakScan } from '../core/scan/finding.js';
import { findKeysInText, type TextKey } from '../core/scan/find-keys.js';
import { classifyFindings } from '../core/scan/import-plan.js';
import { keyMatcher, matcherInputOf } from '../core/scan/key-matcher.js';
import { scanAuditEvent } from '../core/scan/scan-audit.js';
import { recordScanSites } from '../core/scan/scan-sites.js';
import { scanAssignments } from '../core/targets/kinds/dotenv/text.js';
import type { AppCore } from './app-core.js';
import { variableHolding } from '../core/scan/dotenv-variable.js';

/**
 * The app's scan of a folder: every text file under it (and what it imports when asked), then,
 * asked for and when the folder is in a git repository, the history reachable from HEAD. Each scan
 * is an audit entry with its counts, and the places it found vault keys become their scan sites.
 * `changed`: whether the vault was written (the caller announces it).
 */
export async function scanFolderCall(core: AppCore, root: string, args: ParsedArgs<'scan.folder'>): Promise<{ result: CallResult<'scan.folder'>; changed: boolean }> {
  // Files the scan did not read (links, FIFOs, too large) are shown, as the CLI prints them.
  const skippedFiles: SkippedFile[] = [];
  // The references found are recorded as sites of their keys, as the CLI's scan records them.
  const tree = await scanAndRecord(core.vault, root, {
    onSkip: (s) => skippedFiles.push(s),
    import: args.import,
    cwd: core.home,
    now: core.clock.now(),
  });
  // scanAndRecord recorded the tree's scan sites; the history's are recorded below.
  let changed = tree.vaultChanged;
  core.audit.append(scanAuditEvent(tree.scan, { reported: tree.scan.findings.length, baselined: 0 }));
  const findings: ScanFindingView[] = tree.classified.map((c) => ({ ...toDisplay(c), inVault: c.known ? c.keyRef : null }));

  const repoRoot = await repositoryRoot(root);
  let history: { commits: number } | null = null;
  if (args.history && repoRoot !== null) {
    const scanned = await scanHistory(repoRoot, { matcher: matcherInputOf(core.vault.read()) });
    changed = (await recordSites(core, scanned)) || changed;
    core.audit.append(scanAuditEvent(scanned, { reported: scanned.findings.length, baselined: 0 }));
    history = { commits: scanned.counts.commits };
    for (const c of classifyFindings(scanned.findings, core.vault.read())) findings.push({ ...toDisplay(c), inVault: c.known ? c.keyRef : null });
  }
  const { references, imported, skipped } = tree;
  return { result: { root, gitRepository: repoRoot !== null, history, findings, skippedFiles, references, imported, skipped }, changed };
}

/** The scan's vault keys recorded as scan sites; asked first on the document, so a scan that changes nothing writes nothing. */
async function recordSites(core: AppCore, scan: LeakScan): Promise<boolean> {
  const before = core.vault.read();
  if (recordScanSites(before, scan, core.clock.now()).doc === before) return false;
  await core.vault.recordScanSites(scan);
  return true;
}

/** Why a swap target was refused, when the refusal is about the file (bad input), not a failure. */
function refusal(error: unknown): Problem | null {
  return isProblem(error) && error.kind === 'input' ? error.problem : null;
}

/**
 * Add to vault, for one key a scan found: the host reads it again where the scan found it (the
 * file, with the scan's own safe read, or the file in the commit), takes the key at that place
 * whose fingerprint is the one shown, and adds it exactly as Add key does (the same checks, the
 * provider asked first). A key found in a `.env` file of the tree gets that file as its swap target.
 * The secret stays in this function: the page gets the key's view only.
 */
export async function addFindingCall(core: AppCore, args: ParsedArgs<'scan.addFinding'>): Promise<CallResult<'scan.addFinding'>> {
  const { file, line, column, commit, fingerprint } = args;
  const text = commit === undefined ? await readInTree(file) : await readInCommit(file, line, commit);
  const keys = findKeysInText(text, keyMatcher(matcherInputOf(core.vault.read())));
  // The same key twice on a line is the same secret: the column tells them apart only when it still holds.
  const atLine = keys.filter((k) => k.line === line && k.fingerprint === fingerprint);
  const key: TextKey | undefined = atLine.find((k) => k.column === column) ?? atLine[0];
  if (!key) fail('scan.finding-gone', { path: file, line, ...(commit === undefined ? {} : { commit }) });
  const added = await core.vault.addKey({ instanceRef: args.instanceRef, name: args.name, secret: key.secret, verify: true });
  const variable = commit === undefined && isEnvFile(basename(file)) ? variableHolding(scanAssignments(text), key) : null;
  const refusedTargets: { file: string; problem: Problem }[] = [];
  let targets = 0;
  if (variable !== null) {
    // A file the swap would refuse does not undo the add: the key is stored, the file is named with why.
    try {
      await core.vault.addTarget(added.key.ref, { kind: 'dotenv', file, variable }, core.home);
      targets = 1;
    } catch (error) {
      const refused = refusal(error);
      if (refused === null) throw error;
      refusedTargets.push({ file, problem: refused });
    }
  }
  return { key: core.vault.showKey(added.key.ref), warnings: added.warnings, targets, refusedTargets };
}

async function readInTree(file: string): Promise<string> {
  const read = await readCappedRegularFile(file, DEFAULT_MAX_FILE_BYTES);
  if (!read.ok) fail('scan.finding-unread', { path: file, reason: read.reason });
  return read.text;
}

async function readInCommit(file: string, line: number, commit: string): Promise<string> {
  const folder = await nearestFolder(dirname(file));
  const repo = await repositoryRoot(folder);
  if (repo === null) fail('git.not-a-repository', { path: folder });
  const text = await readFileAtCommit(repo, commit, relative(repo, file).split(sep).join('/'));
  if (text === null) fail('scan.finding-gone', { path: file, line, commit });
  return text;
}

/** The folder itself or its nearest parent that is still there: a file removed since may have taken its folder with it. */
async function nearestFolder(folder: string): Promise<string> {
  for (let at = folder; ; at = dirname(at)) {
    const found = await stat(at).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (found || dirname(at) === at) return at;
  }
}
