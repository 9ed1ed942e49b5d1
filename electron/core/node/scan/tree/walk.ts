import { readdirSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { ProblemError, problem } from '../../../domain/problems/problem-error.js';
import type { ScanProblem } from '../../../domain/problems/scan.js';
import { specialFileKind } from '../../../fs/file-kind.js';
import { readCappedRegularFile } from '../../fs/read-capped.js';

/** Never a project's own text: installed packages and git's own store. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** The most an ignore file may weigh to be read (git's own are a few lines). */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

/** What a walk reports, in the tree's order (each folder's entries by name, depth first). */
export interface TreeVisitor {
  /** A regular file to read: its full path, its path under the root (with `/`), its name. */
  file(full: string, path: string, name: string): void;
  /** An entry (or a folder) that is not read, and why. */
  skip(full: string, why: ScanProblem): void;
}

/** One ignore file's rules, with the folder it applies under (its path under the root, `''` or ending in `/`). */
interface IgnoreFrame {
  base: string;
  rules: Ignore;
}

/**
 * Every entry under a folder, as a scan reads them: folders are entered except node_modules, .git
 * and what an ignore file excludes; regular files are reported to read; symbolic links (never
 * followed: one may point out of the tree, at a FIFO or a device, and an imported swap target must
 * be the file itself), FIFOs, sockets and devices are reported as skipped, and so is a folder that
 * cannot be listed. What is ignored is what git ignores, read by `ignore` (the matcher eslint and
 * prettier use): every `.gitignore` of the tree, each under its own folder, a deeper one overriding
 * a shallower one (negations `!` and folder patterns `dir/` included; nothing under an ignored
 * folder comes back, as in git), and `.git/info/exclude` when the root is a repository's top.
 */
export async function walkTree(root: string, visit: TreeVisitor): Promise<void> {
  const pace: Pace = { listed: 0 };
  const top = await listFolder(root, true, pace);
  const exclude = 'entries' in top ? await repositoryExclude(root, top.entries) : null;
  await walkFolder(root, '', top, exclude ? [exclude] : [], new Set(), pace, visit);
}

type Entries = ReturnType<typeof readdirWithTypes>;

function readdirWithTypes(folder: string) {
  // Dirents carry lstat's answer: a symbolic link is a link here, never what it points to.
  return readdirSync(folder, { withFileTypes: true });
}

/** A folder's entries by name, or why it could not be listed (the root's reason is thrown as a problem). */
type Listing = { entries: Entries } | { unreadable: string };

/**
 * How many folders are listed between two turns of the event loop: the walk lists synchronously
 * (far cheaper than a promise per folder), and lets the rest of the program (the app's window, the
 * threads' answers) run between runs of folders.
 */
const FOLDERS_PER_TURN = 64;

/** One walk's count of folders listed since it last let the event loop turn. */
interface Pace {
  listed: number;
}

async function listFolder(folder: string, isRoot: boolean, pace: Pace): Promise<Listing> {
  if (++pace.listed >= FOLDERS_PER_TURN) {
    pace.listed = 0;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  try {
    const entries = readdirWithTypes(folder);
    return { entries: entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
  } catch (error) {
    if (isRoot) throw rootProblem(folder, error);
    return { unreadable: (error as NodeJS.ErrnoException).code ?? 'error' };
  }
}

/**
 * `overridden`: the ignore files that ignore a folder above this one that a deeper one took back
 * (`build/` at the top, `!build/` in `sub/`). `ignore` passes a folder's "ignored" down to all
 * under it, so such a file has nothing to say here: it is left out (on the safe side: one of its
 * patterns that names a file in there, `*.log`, is not applied, and the file is read).
 */
async function walkFolder(folder: string, path: string, listing: Listing, parents: readonly IgnoreFrame[], overridden: ReadonlySet<IgnoreFrame>, pace: Pace, visit: TreeVisitor): Promise<void> {
  if ('unreadable' in listing) return visit.skip(folder, problem('scan.folder-unreadable', { reason: listing.unreadable }));
  const { entries } = listing;
  const own = entries.some((e) => e.name === '.gitignore' && e.isFile()) ? await ignoreFrame(join(folder, '.gitignore'), path) : null;
  const frames = own ? [...parents, own] : parents;
  const prefix = folder.endsWith(sep) ? folder : folder + sep;
  for (const entry of entries) {
    const full = prefix + entry.name;
    const entryPath = path + entry.name;
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name) || ignoredBy(frames, `${entryPath}/`, overridden)) continue;
      await walkFolder(full, `${entryPath}/`, await listFolder(full, false, pace), frames, overriddenUnder(frames, `${entryPath}/`, overridden), pace, visit);
      continue;
    }
    if (frames.length > 0 && ignoredBy(frames, entryPath, overridden)) continue;
    if (entry.isSymbolicLink()) visit.skip(full, problem('scan.symbolic-link', {}));
    else if (!entry.isFile()) visit.skip(full, problem('scan.not-regular-file', { kind: specialFileKind(entry) ?? 'not a file' }));
    else visit.file(full, entryPath, entry.name);
  }
}

/** Whether the ignore files say to leave a path out: the deepest that says anything of it decides (a folder's path ends in `/`). */
function ignoredBy(frames: readonly IgnoreFrame[], path: string, overridden: ReadonlySet<IgnoreFrame>): boolean {
  let ignored = false;
  for (const frame of frames) {
    if (overridden.has(frame)) continue;
    const verdict = frame.rules.test(path.slice(frame.base.length));
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

/** The ignore files overridden under a folder that is entered: those that ignore it, and those above it. */
function overriddenUnder(frames: readonly IgnoreFrame[], folderPath: string, overridden: ReadonlySet<IgnoreFrame>): ReadonlySet<IgnoreFrame> {
  const more = frames.filter((f) => !overridden.has(f) && f.rules.test(folderPath.slice(f.base.length)).ignored);
  return more.length === 0 ? overridden : new Set([...overridden, ...more]);
}

async function ignoreFrame(file: string, base: string): Promise<IgnoreFrame | null> {
  const read = await readCappedRegularFile(file, MAX_IGNORE_FILE_BYTES);
  // An unreadable ignore file ignores nothing, as git reads it. Case matters, as in git on Linux:
  // where it might not, reading a file too many is the safe side.
  return read.ok ? { base, rules: ignore({ ignorecase: false }).add(read.text) } : null;
}

/**
 * `.git/info/exclude` of the repository whose top the root is: under a `.git` folder, or where a
 * `.git` file points (`gitdir: …`, a linked worktree: its exclude is the main repository's, named
 * by the gitdir's `commondir`).
 */
async function repositoryExclude(root: string, entries: Entries): Promise<IgnoreFrame | null> {
  const dotGit = entries.find((e) => e.name === '.git');
  if (!dotGit) return null;
  let gitDir = join(root, '.git');
  if (dotGit.isFile()) {
    const pointer = await readCappedRegularFile(gitDir, MAX_IGNORE_FILE_BYTES);
    const named = pointer.ok ? /^gitdir:\s*(.+?)\s*$/m.exec(pointer.text)?.[1] : undefined;
    if (!named) return null;
    gitDir = isAbsolute(named) ? named : resolve(root, named);
    // No commondir: the gitdir is the repository's own.
    const common = await readCappedRegularFile(join(gitDir, 'commondir'), MAX_IGNORE_FILE_BYTES);
    if (common.ok && common.text.trim() !== '') gitDir = resolve(gitDir, common.text.trim());
  } else if (!dotGit.isDirectory()) {
    return null;
  }
  return ignoreFrame(join(gitDir, 'info', 'exclude'), '');
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
