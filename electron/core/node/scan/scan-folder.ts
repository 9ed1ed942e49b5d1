import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { problem } from '../../domain/problems/problem-error.js';
import { scanAssignments } from '../../targets/kinds/dotenv/text.js';
import type { FoundReference } from '../../references/record-sites.js';
import { findReferencesInText, REFERENCE_SCHEME } from '../../references/reference.js';
import { referencesInDotenv } from '../../scan/references-in-dotenv.js';
import { findKeysInText, type TextKey } from '../../scan/find-keys.js';
import { keyMatcher, type KeyMatcher, type MatcherInput } from '../../scan/key-matcher.js';
import type { Finding, FolderScan, SkippedFile } from '../../scan/finding.js';
import type { FilePass } from './tree/file-pass.js';
import { FilePassPool } from './tree/thread-pool.js';
import { walkTree } from './tree/walk.js';
import { variableHolding } from '../../scan/dotenv-variable.js';

// What a scan finds is plain data (./finding.js, which the contract shows); callers that scan get it here too.
export { toDisplay, type FolderScan, type SkippedFile } from '../../scan/finding.js';

export function isEnvFile(name: string): boolean {
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env');
}

export interface ScanOptions {
  /** What keys are matched against: the rules of this vault's providers and its fingerprints (matcherInputOf). */
  matcher: MatcherInput;
  maxFileBytes?: number;
  /** Told about every entry (and unreadable folder) that was not read, and why, in the tree's order, once the scan is over. */
  onSkip?: (skipped: SkippedFile) => void;
  /** How many worker threads read a large tree's files (default: os.availableParallelism()); 0 reads every file in this thread. */
  threads?: number;
}

/** The most a file may weigh to be read: past it, a file is data (a dump, a bundle), reported as skipped. */
export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Past this many files a tree is read by worker threads; a smaller one costs less to read here than to start them. */
export const THREADED_FROM_FILES = 200;

/** How many paths a worker thread is sent at once. */
const BATCH_FILES = 200;

/** What a read file holds: keys and references, kept only when it holds some. */
interface FileFound {
  findings: Finding[];
  references: FoundReference[];
}

/**
 * Every key (provider-shaped or in the vault) and `keyturn://` reference in the text files under a
 * folder, and the files that were read. Skipped: binary files, node_modules and .git, what the
 * tree's `.gitignore` files and `.git/info/exclude` exclude, and — reported — symbolic links (never
 * followed), FIFOs, sockets, devices and files over the size cap (see walkTree and passOverFile).
 *
 * Fast: this thread walks the tree and streams its paths, in batches, to worker threads that read
 * each file and keep only the text of those a cheap first pass finds something in (most files hold
 * nothing); the keys are then found in those texts here. A tree of fewer than THREADED_FROM_FILES
 * files is read in this thread. Lines and columns count the decoded text (columns in UTF-16 code
 * units, as findKeysInText does). Results and skips come in the tree's order whatever the threads.
 */
export async function scanFolder(dir: string, options: ScanOptions): Promise<FolderScan> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const threads = Math.max(0, options.threads ?? availableParallelism());
  const matcher = keyMatcher(options.matcher);
  const settings = { maxBytes: maxFileBytes, firstPass: matcher.firstPass };
  const root = resolve(dir);
  // Everything the walk reports gets its place in the tree's order: a file's outcome comes back later.
  const files: { full: string; path: string; name: string; order: number }[] = [];
  const skips: { order: number; skipped: SkippedFile }[] = [];
  const outcomes: (FilePass | undefined)[] = [];
  const found = new Map<number, FileFound>();
  let order = 0;
  let pool: FilePassPool | null = null;
  let sent = 0;
  const passing: Promise<void>[] = [];
  // A text is read for keys once the walk is over (until then this thread's time is the walk's,
  // which feeds the workers), as soon as it comes back after that; it is not kept once read.
  let walked = false;
  const waitingTexts: number[] = [];
  const readText = (index: number) => {
    const file = files[index];
    const outcome = outcomes[index];
    if (!file || outcome?.kind !== 'text' || outcome.text === null) return;
    const inFile = keysAndReferences(file.full, file.path, file.name, outcome.text, matcher);
    if (inFile.findings.length > 0 || inFile.references.length > 0) found.set(index, inFile);
    outcomes[index] = { kind: 'text', text: null };
  };
  const take = (from: number, passes: FilePass[]) =>
    passes.forEach((outcome, i) => {
      const index = from + i;
      outcomes[index] = outcome;
      if (outcome.kind !== 'text' || outcome.text === null) return;
      if (walked) readText(index);
      else waitingTexts.push(index);
    });
  const send = (upTo: number) => {
    if (!pool || upTo <= sent) return;
    const from = sent;
    sent = upTo;
    passing.push(pool.pass(files.slice(from, upTo).map((f) => f.full)).then((passes) => take(from, passes)));
  };
  try {
    await walkTree(root, {
      file(full, path, name) {
        files.push({ full, path, name, order: order++ });
        if (!pool && threads > 0 && files.length >= THREADED_FROM_FILES) pool = new FilePassPool(threads, settings);
        if (files.length - sent >= BATCH_FILES) send(files.length);
      },
      skip(file, why) {
        skips.push({ order: order++, skipped: { file, problem: why } });
      },
    });
    walked = true;
    for (const index of waitingTexts.splice(0)) readText(index);
    if (pool) {
      send(files.length);
      await Promise.all(passing);
    } else {
      const here = new FilePassPool(0, settings);
      take(0, await here.pass(files.map((f) => f.full)));
    }
  } finally {
    await (pool as FilePassPool | null)?.close();
  }

  const findings: Finding[] = [];
  const references: FoundReference[] = [];
  const scannedFiles: string[] = [];
  files.forEach((file, index) => {
    const outcome = outcomes[index];
    if (outcome?.kind === 'unread') skips.push({ order: file.order, skipped: { file: file.full, problem: problem('scan.file-unread', { reason: outcome.reason }) } });
    if (outcome?.kind !== 'text') return;
    scannedFiles.push(file.full);
    const inFile = found.get(index);
    if (inFile) {
      findings.push(...inFile.findings);
      references.push(...inFile.references);
    }
  });
  if (options.onSkip) for (const { skipped } of skips.sort((a, b) => a.order - b.order)) options.onSkip(skipped);
  return { kind: 'tree', root, findings, references, scannedFiles, counts: { files: scannedFiles.length, commits: 0 } };
}

/** The keys and references in one file's text: in a `.env`-style file, with the variable each key's assignment sets. */
function keysAndReferences(full: string, path: string, name: string, text: string, matcher: KeyMatcher): FileFound {
  const keys = findKeysInText(text, matcher);
  // Most texts a first pass keeps hold a key and no reference: no need to count their lines for one.
  const hasReference = text.includes(REFERENCE_SCHEME);
  if (isEnvFile(name)) {
    if (keys.length === 0 && !hasReference) return { findings: [], references: [] };
    const assignments = scanAssignments(text);
    const findings = keys.map((k) => toFinding(full, path, k, variableHolding(assignments, k)));
    return { findings, references: hasReference ? referencesInDotenv(full, text, assignments) : [] };
  }
  const references = hasReference ? findReferencesInText(text).map((r) => ({ file: full, line: r.line, reference: r.reference })) : [];
  return { findings: keys.map((k) => toFinding(full, path, k, null)), references };
}

function toFinding(file: string, path: string, k: TextKey, variable: string | null): Finding {
  const { line, column, providerId, environment, org, maskedKey, fingerprint, match, secret } = k;
  return { file, path, line, column, variable, providerId, environment, org, maskedKey, fingerprint, match, commit: null, secret };
}
