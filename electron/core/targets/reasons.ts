import type { AreaWordings } from '../domain/problems/wording.js';
import { ProblemError } from '../domain/problems/problem-error.js';
import type { TargetRefusal } from '../domain/problems/targets.js';

/**
 * Why a target did not take the key, as the rotation's journal keeps it. The journal is stored text
 * that every host shows later, so this wording names no flag and no button; the hosts word the same
 * refusals their own way when a target is added (and may build on these).
 */
const REASONS: AreaWordings<TargetRefusal> = {
  'target.file.cannot-look': (p) => `${p.path} cannot be looked at (${p.osCode})`,
  'target.file.no-folder': (p) => `${p.path} does not exist, nor does its folder ${p.folder}: give the path of the .env file`,
  'target.file.missing': (p) => `${p.path} does not exist: create the file, or let Keyturn create it`,
  'target.file.dangling-link': (p) => `${p.path} is a link that leads nowhere: point it at the .env file, or give the file itself`,
  'target.file.not-regular': (p) => `${shown(p)} is ${p.what}, not a regular file: only a regular .env file can be a swap target`,
  'target.file.hard-links': (p) =>
    `${shown(p)} has ${p.links} hard links: replacing it would leave the other names holding the old key; make it a single file (a symbolic link to it works)`,
  'target.file.read-only': (p) =>
    `${shown(p)} is read-only (mode ${p.mode}): Keyturn does not replace a read-only file; make it writable (chmod u+w) if the key belongs there`,
  'target.file.not-writable': (p) => `${shown(p)} is not writable by this user: Keyturn does not replace it`,
  'target.file.folder-not-writable': (p) => `the folder of ${shown(p)} is not writable: Keyturn writes the new file next to it and renames it over`,
  'target.file.unread': (p) => `${p.path} was not read (${p.reason}): not written; check it, then resume`,
  'target.file.moved': (p) =>
    `${p.path} now leads to ${p.now} but ${p.was === undefined ? 'was no link' : `led to ${p.was}`} when the target was added: not written; point it back (then resume), or remove the target and add it again to accept where it leads now`,
  'target.file.changed': (p) => `${p.path} changed since Keyturn read it: check it, then resume`,
  'target.file.replaced': (p) => `${p.path} was replaced while Keyturn wrote it: check it, then resume`,
  'target.variable.missing': (p) => `${p.path} has no ${p.variable}= line: not written (this target was added without leave to append the line); add the line, then resume`,
  'target.variable.foreign-value': () => 'holds a key that is neither the old nor the new one; not overwritten',
  'target.value.multiline': () => 'a value with a line break cannot be written to a .env file',
  'target.command.not-found': (p) =>
    p.given === 'path' ? `command not found: ${p.command} is no executable file` : `command not found: ${p.command} is not on PATH; give its full path, or install it`,
};

/** The file as the person knows it, and where it leads when that differs. */
function shown(p: { path: string; link?: string | undefined }): string {
  return p.link === undefined ? p.path : `${p.path} (a link to ${p.link})`;
}

/** A refusal in the journal's words (no flag, no button). */
export function refusalReason(refusal: TargetRefusal): string {
  const word = REASONS[refusal.code] as (p: TargetRefusal) => string;
  return word(refusal);
}

const REFUSAL_CODES = new Set<string>(Object.keys(REASONS));

export function isTargetRefusal(problem: { code: string }): problem is TargetRefusal {
  return REFUSAL_CODES.has(problem.code);
}

/** Why a check or a write failed, for the journal: a refusal in its words, else what failed. */
export function reasonOf(error: unknown, fallback: string): string {
  if (error instanceof ProblemError) return isTargetRefusal(error.problem) ? refusalReason(error.problem) : error.problem.code;
  return error instanceof Error ? error.message : fallback;
}
