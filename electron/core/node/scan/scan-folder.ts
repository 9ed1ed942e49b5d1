import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { ProblemError, problem } from '../../domain/problems/problem-error.js';
import type { ScanProblem } from '../../domain/problems/scan.js';
import { scanAssignments } from '../../targets/kinds/dotenv/text.js';
import type { FoundReference } from '../../references/record-sites.js';
import { findReferencesInText } from '../../references/reference.js';
import { referencesInDotenv } from '../../scan/references-in-dotenv.js';
import { findKeysInText } from '../../scan/find-keys.js';
import { keyMatcher, type MatcherInput } from '../../scan/key-matcher.js';
import { specialFileKind } from '../../fs/file-kind.js';
import { readCappedRegularFile } from '../fs/read-capped.js';
import type { Finding, FolderScan, SkippedFile } from '../../scan/finding.js';

// What a scan finds is plain data (./finding.js, which the contract shows); callers that scan get it here too.
export { toDisplay, type FolderScan, type SkippedFile } from '../../scan/finding.js';

/** Never a project's own text: installed packages and git's own store. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export function isEnvFile(name: string): boolean {
  return name === '.env' || name.startsWith('.env.') || name.endsWith('.env');
}

export interface ScanOptions {
  /** What keys are matched against: the rules of this vault's providers and its fingerprints (matcherInputOf). */
  matcher: MatcherInput;
  maxFileBytes?: number;
  /** Told about every entry (and unreadable folder) that was not read, and why. */
  onSkip?: (skipped: SkippedFile) => void;
}

/** The most a file may weigh to be read: past it, a file is data (a dump, a bundle), reported as skipped. */
export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A folder's `.gitignore`, read by `ignore` (the matcher eslint and prettier use), with where it applies. */
interface IgnoreFrame {
  base: string;
  rules: Ignore;
}

/**
 * Every key (provider-shaped or in the vault) and `keyturn://` reference in the text files under a
 * folder, and the files that were read. Skipped: binary files, node_modules and .git, what a
 * `.gitignore` of the tree excludes, and — reported — symbolic links (never followed: a link may
 * point out of the tree, at a FIFO or a device, and an imported swap target must be the file
 * itself), FIFOs, sockets, devices and files over the size cap.
 */
export async function scanFolder(dir: string, options: ScanOptions): Promise<FolderScan> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const matcher = keyMatcher(options.matcher);
  const skip = (file: string, why: ScanProblem) => options.onSkip?.({ file, problem: why });
  const root = resolve(dir);
  const findings: Finding[] = [];
  const references: FoundReference[] = [];
  const scannedFiles: string[] = [];
  const ignored = (frames: readonly IgnoreFrame[], full: string, isDir: boolean) =>
    frames.some((f) => {
      const rel = relative(f.base, full).split(sep).join('/');
      return rel !== '' && f.rules.ignores(isDir ? `${rel}/` : rel);
    });
  const walk = async (folder: string, parents: readonly IgnoreFrame[], isRoot: boolean): Promise<void> => {
    let entries;
    try {
      // Dirents carry lstat's answer: a symbolic link is a link here, never what it points to.
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (isRoot) throw rootProblem(folder, error);
      return skip(folder, problem('scan.folder-unreadable', { reason: (error as NodeJS.ErrnoException).code ?? 'error' }));
    }
    const frames = entries.some((e) => e.name === '.gitignore' && e.isFile()) ? [...parents, await gitignoreFrame(folder)] : parents;
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !ignored(frames, full, true)) await walk(full, frames, false);
        continue;
      }
      if (ignored(frames, full, false)) continue;
      if (entry.isSymbolicLink()) {
        skip(full, problem('scan.symbolic-link', {}));
        continue;
      }
      if (!entry.isFile()) {
        skip(full, problem('scan.not-regular-file', { kind: specialFileKind(entry) ?? 'not a file' }));
        continue;
      }
      const read = await readCappedRegularFile(full, maxFileBytes);
      if (!read.ok) {
        skip(full, problem('scan.file-unread', { reason: read.reason }));
        continue;
      }
      // A NUL in the first few kilobytes: a binary file (as git and ripgrep judge it), not text to read.
      if (read.text.slice(0, 8000).includes('\u0000')) continue;
      scannedFiles.push(full);
      const path = relative(root, full).split(sep).join('/');
      const keys = findKeysInText(read.text, matcher);
      if (isEnvFile(entry.name)) {
        const assignments = scanAssignments(read.text);
        references.push(...referencesInDotenv(full, read.text, assignments));
        for (const k of keys) {
          const assignment = assignments.find((a) => a.valueStart <= k.start && k.end <= a.valueEnd && a.value === k.secret);
          findings.push(toFinding(full, path, k, assignment?.variable ?? null));
        }
      } else {
        for (const r of findReferencesInText(read.text)) references.push({ file: full, line: r.line, reference: r.reference });
        for (const k of keys) findings.push(toFinding(full, path, k, null));
      }
    }
  };
  await walk(root, [], true);
  return { kind: 'tree', root, findings, references, scannedFiles, counts: { files: scannedFiles.length, commits: 0 } };
}

function toFinding(file: string, path: string, k: ReturnType<typeof findKeysInText>[number], variable: string | null): Finding {
  const { line, column, providerId, environment, org, maskedKey, fingerprint, match, secret } = k;
  return { file, path, line, column, variable, providerId, environment, org, maskedKey, fingerprint, match, commit: null, secret };
}

async function gitignoreFrame(folder: string): Promise<IgnoreFrame> {
  let text = '';
  try {
    text = await readFile(join(folder, '.gitignore'), 'utf8');
  } catch {
    // An unreadable .gitignore ignores nothing, as git reads it.
  }
  return { base: folder, rules: ignore().add(text) };
}

/**
 * Why the folder itself could not be scanned, as a problem naming it: not there, a file, or a
 * folder Keyturn may not read (the OS's code); an error that is none of these is thrown as it is.
 */
function rootProblem(folder: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return new ProblemError(problem('scan.folder-missing', { path: folder, is: 'missing' }), { cause: error });
  if (code === 'ENOTDIR') return new ProblemError(problem('scan.folder-missing', { path: folder, is: 'file' }), { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new ProblemError(problem('scan.folder-unreadable', { reason: code }), { cause: error });
  return error;
}
