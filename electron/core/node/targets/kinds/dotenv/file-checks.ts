import { constants, type Stats } from 'node:fs';
import { access, lstat, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { specialFileKind } from '../../../../fs/file-kind.js';
import { readCappedRegularFile } from '../../../fs/read-capped.js';
import { ProblemError, problem } from '../../../../domain/problems/problem-error.js';
import type { TargetRefusal } from '../../../../domain/problems/targets.js';

/**
 * What Keyturn will write a key into: a regular file, writable, with one name, reached through a link
 * only where the person saw and accepted where the link leads. Checked when a target is added and
 * again just before a swap writes it, since a file can be replaced in between.
 */
export interface DotenvFileCheck {
  /** The path as given, made absolute against the working folder (`..` resolved). */
  path: string;
  /** Where it really leads once every link (the file itself or a folder on the way) is followed. */
  resolved: string;
  /** The path goes through a link: the person must see and accept `resolved`. */
  throughLink: boolean;
  /** Why Keyturn will not write this file; null when it can. */
  refusal: TargetRefusal | null;
  /** Nothing is at the path, in a folder that exists: Keyturn may create the file if the person allows it. */
  missing: boolean;
}

/** A target file Keyturn will not write: the refusal says why. */
export function refused(refusal: TargetRefusal): ProblemError {
  return new ProblemError(refusal);
}

export function absoluteTargetPath(file: string, cwd: string): string {
  return resolve(cwd, file);
}

/** Looks at a file without opening it (opening a FIFO for reading blocks). */
export async function checkDotenvFile(path: string): Promise<DotenvFileCheck & { stats: Stats | null }> {
  const at = { field: 'file' as const, path };
  const refuse = (refusal: TargetRefusal, resolved = path, missing = false) => ({ path, resolved, throughLink: resolved !== path, refusal, missing, stats: null });
  try {
    await lstat(path);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') return refuse(problem('target.file.cannot-look', { ...at, osCode: codeOf(error) ?? 'error' }));
    if (!(await isFolder(dirname(path)))) return refuse(problem('target.file.no-folder', { ...at, folder: dirname(path) }));
    return refuse(problem('target.file.missing', at), path, true);
  }
  let resolved: string;
  try {
    resolved = await realpath(path);
  } catch {
    return refuse(problem('target.file.dangling-link', at));
  }
  const shown = resolved === path ? at : { ...at, link: resolved };
  let stats: Stats;
  try {
    stats = await stat(resolved);
  } catch (error) {
    return refuse(problem('target.file.cannot-look', { ...at, osCode: codeOf(error) ?? 'error' }), resolved);
  }
  const base = { path, resolved, throughLink: resolved !== path, missing: false };
  const kind = specialFileKind(stats);
  if (kind) return { ...base, stats, refusal: problem('target.file.not-regular', { ...shown, what: kind }) };
  if (stats.nlink > 1) return { ...base, stats, refusal: problem('target.file.hard-links', { ...shown, links: stats.nlink }) };
  if ((stats.mode & 0o200) === 0) {
    return { ...base, stats, refusal: problem('target.file.read-only', { ...shown, mode: (stats.mode & 0o777).toString(8).padStart(4, '0') }) };
  }
  if (!(await canWrite(resolved))) return { ...base, stats, refusal: problem('target.file.not-writable', shown) };
  if (!(await canWrite(dirname(resolved)))) return { ...base, stats, refusal: problem('target.file.folder-not-writable', shown) };
  return { ...base, stats, refusal: null };
}

/**
 * The check at write time: the file must pass every check and still lead where it led when the
 * target was added (`expectedResolved`: the link's target the person accepted, else the path itself).
 */
export async function requireWritableDotenv(path: string, expectedResolved: string): Promise<{ resolved: string; stats: Stats }> {
  const check = await checkDotenvFile(path);
  if (check.refusal !== null) throw refused(check.refusal);
  if (!check.stats) throw refused(problem('target.file.cannot-look', { field: 'file', path, osCode: 'error' }));
  if (check.resolved !== expectedResolved) {
    throw refused(problem('target.file.moved', { field: 'file', path, now: check.resolved, ...(expectedResolved === path ? {} : { was: expectedResolved }) }));
  }
  return { resolved: check.resolved, stats: check.stats };
}

/** No .env file is this large; a larger file is not what the person meant, and is never read whole. */
export const MAX_DOTENV_BYTES = 1024 * 1024;

/**
 * Reads a file already checked, without following a link and without blocking (a FIFO swapped in
 * since the check does not hang us), within the size cap, and only if it is still the same file.
 */
export async function readCheckedFile(resolved: string, expected: Stats): Promise<string> {
  const read = await readCappedRegularFile(resolved, MAX_DOTENV_BYTES, expected);
  if (!read.ok) throw refused(problem('target.file.unread', { field: 'file', path: resolved, reason: read.reason }));
  return read.text;
}

export function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function canWrite(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
