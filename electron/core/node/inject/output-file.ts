import { constants, type Stats } from 'node:fs';
import { access, lstat, realpath, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { specialFileKind } from '../../fs/file-kind.js';
import { fail, isProblem } from '../../domain/problems/problem-error.js';
import { readCappedRegularFile } from '../fs/read-capped.js';
import { FileReplacedError, NameTakenError, writeFileAtomically } from './atomic-write.js';
import { ownerOf, recordOwnership, sha256 } from './ownership.js';

/** No rendered file is this large: the same cap as its template's. */
const MAX_OUTPUT_BYTES = 2 * 1024 * 1024;

/** A rendered file's place as it is now: nothing there yet, or a file and whose it is. */
export type OutputNow =
  | { exists: false; path: string }
  | { exists: true; path: string; text: string; sha256: string; stats: Stats; owner: 'keyturn' | 'not-recorded' | 'edited' };

/**
 * What is at OUTPUT: nothing (in a folder that exists), or a regular file, read. A link is not
 * written through (the rename would replace the link, not the file it leads to); a folder, a
 * device or a FIFO is refused.
 */
export async function inspectOutput(path: string): Promise<OutputNow> {
  const at = { field: 'file' as const, path };
  let stats: Stats;
  try {
    stats = await lstat(path);
  } catch (error) {
    const code = osCode(error);
    if (code !== 'ENOENT') fail('inject.output-write-failed', { ...at, osCode: code });
    if (!(await isFolder(dirname(path)))) fail('inject.output-no-folder', { ...at, folder: dirname(path) });
    return { exists: false, path };
  }
  if (stats.isSymbolicLink()) fail('inject.output-not-regular', { ...at, what: 'a symbolic link' });
  const special = specialFileKind(stats);
  if (special) fail('inject.output-not-regular', { ...at, what: special });
  const read = await readCappedRegularFile(path, MAX_OUTPUT_BYTES, stats);
  if (!read.ok) fail('inject.output-write-failed', { ...at, osCode: read.reason });
  return { exists: true, path, text: read.text, sha256: sha256(read.text), stats, owner: await ownerOf(path, read.text) };
}

/**
 * Refuses a file that is there and not Keyturn's: no record says Keyturn wrote it, or it was changed
 * since. `alsoKeyturns`: contents that count as Keyturn's anyway (exactly what the template renders
 * to: nothing a person wrote is lost by writing it again).
 */
export function refuseForeign(now: OutputNow, alsoKeyturns: readonly string[] = []): void {
  if (!now.exists || now.owner === 'keyturn' || alsoKeyturns.includes(now.text)) return;
  fail('inject.output-foreign', { field: 'file', path: now.path, why: now.owner });
}

/** Refuses an output that is its template (by path, or the same file through a link). */
export async function refuseOutputIsTemplate(output: string, template: string): Promise<void> {
  if (output === template) fail('inject.output-is-template', { field: 'file', path: output });
  const [a, b] = await Promise.all([realpath(output).catch(() => null), realpath(template).catch(() => null)]);
  if (a !== null && a === b) fail('inject.output-is-template', { field: 'file', path: output });
}

/** Whether the folder of OUTPUT takes the temporary file a write renames over it. */
export async function folderWritable(path: string): Promise<boolean> {
  try {
    await access(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export interface OutputWrite {
  /** The place as inspected: the write replaces that file only, or takes a name that is still free. */
  now: OutputNow;
  text: string;
  template?: string;
  clock: () => Date;
  /** Keeps the content being replaced first (a rotation's backup), before anything else is written. */
  backup?: (previous: string) => Promise<void>;
}

/**
 * Writes a render to OUTPUT: atomically, mode 0600, the ownership record first (it names both the
 * content before and after, so a crash between the two writes leaves a file still Keyturn's). A
 * file that took the name, or replaced the one inspected, in the meantime is not overwritten.
 */
export async function writeOutput(write: OutputWrite): Promise<void> {
  const { now } = write;
  const at = { field: 'file' as const, path: now.path };
  try {
    if (now.exists && write.backup) await write.backup(now.text);
    await recordOwnership(now.path, write.text, now.exists ? now.sha256 : null, write.template, write.clock());
    await writeFileAtomically(now.path, write.text, now.exists ? now.stats : null);
  } catch (error) {
    if (isProblem(error)) throw error;
    if (error instanceof NameTakenError) fail('inject.output-foreign', { ...at, why: 'not-recorded' });
    if (error instanceof FileReplacedError) fail('inject.output-foreign', { ...at, why: 'edited' });
    fail('inject.output-write-failed', { ...at, osCode: osCode(error) }, { cause: error });
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function osCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'error';
}
