import type { AreaWordings } from '../../core/domain/problems/wording.js';
import type { TargetProblem } from '../../core/domain/problems/targets.js';

/** The file as the person typed it, and where it leads when that differs. */
const shown = (p: { path: string; link?: string | undefined }) => (p.link === undefined ? p.path : `${p.path} (a link to ${p.link})`);

/** How a person allows, on the command line, what a target needs. */
const CONSENT_FLAGS = {
  'follow-link': (p: { path: string; resolved?: string | undefined; confirmed?: string | undefined }) =>
    `${p.path} is a link to ${p.resolved ?? 'another file'}${p.confirmed === undefined ? '' : ` (not ${p.confirmed}, as confirmed)`}: nothing was added; to write the key there, add --follow-link`,
  'create-variable': (p: { path: string; variable?: string | undefined }) =>
    `${p.path} has no ${p.variable ?? 'such'}= line: nothing was added; add the line to the file, or allow Keyturn to append it (add it again with --create-variable)`,
  'create-file': (p: { path: string }) => `${p.path} does not exist: nothing was added; create the file, or let Keyturn create it (add it again with --create-file to create it)`,
} as const;

export const targetWordings: AreaWordings<TargetProblem> = {
  'target.file.cannot-look': (p) => `${p.path} cannot be looked at (${p.osCode}); nothing was added`,
  'target.file.no-folder': (p) => `${p.path} does not exist, nor does its folder ${p.folder}: give the path of the .env file; nothing was added`,
  'target.file.missing': (p) => `${p.path} does not exist: create the file, or let Keyturn create it (add it again with --create-file to create it)`,
  'target.file.dangling-link': (p) => `${p.path} is a link that leads nowhere: point it at the .env file, or give the file itself; nothing was added`,
  'target.file.not-regular': (p) => `${shown(p)} is ${p.what}, not a regular file: only a regular .env file can be a swap target; nothing was added`,
  'target.file.hard-links': (p) =>
    `${shown(p)} has ${p.links} hard links: replacing it would leave the other names holding the old key; make it a single file (a symbolic link to it works); nothing was added`,
  'target.file.read-only': (p) =>
    `${shown(p)} is read-only (mode ${p.mode}): Keyturn does not replace a read-only file; make it writable (chmod u+w) if the key belongs there; nothing was added`,
  'target.file.not-writable': (p) => `${shown(p)} is not writable by this user: Keyturn does not replace it; nothing was added`,
  'target.file.folder-not-writable': (p) => `the folder of ${shown(p)} is not writable: Keyturn writes the new file next to it and renames it over; nothing was added`,
  'target.file.unread': (p) => `${p.path} was not read (${p.reason}); nothing was added`,
  // Met by a swap, whose journal words them (core/targets/reasons.ts, which `key get` does not load).
  'target.file.moved': (p) =>
    `${p.path} now leads to ${p.now} but ${p.was === undefined ? 'was no link' : `led to ${p.was}`} when the target was added: not written; point it back (then resume), or remove the target and add it again to accept where it leads now`,
  'target.file.changed': (p) => `${p.path} changed since Keyturn read it: check it, then resume`,
  'target.file.replaced': (p) => `${p.path} was replaced while Keyturn wrote it: check it, then resume`,
  'target.variable.missing': (p) => `${p.path} has no ${p.variable}= line: not written (this target was added without leave to append the line); add the line, then resume`,
  'target.variable.foreign-value': (p) => `${p.variable} in ${p.path} holds a key that is neither the old nor the new one; not overwritten`,
  'target.value.multiline': () => 'a value with a line break cannot be written to a .env file',
  'target.command.not-found': (p) =>
    `${p.given === 'path' ? `command not found: ${p.command} is no executable file` : `command not found: ${p.command} is not on PATH; give its full path, or install it`}: nothing was added`,
  'target.file.required': () => 'give the .env file to write',
  'target.file.create-failed': (p) => `${p.path} could not be created (${p.osCode}): nothing was added`,
  'target.variable.invalid': (p) => `"${p.variable}" is not a variable name: use letters, digits and "_", starting with a letter or "_"`,
  'target.command.required': () => 'give the command to run after --, e.g. -- vault kv put secret/app key=-',
  'target.needs-consent': (p) => CONSENT_FLAGS[p.consent](p),
  'target.duplicate': (p) => `${p.ref} already writes ${p.where} (target ${p.id})`,
  'target.not-found': (p) => `${p.ref} has no target ${p.targetId}: "keyturn target list ${p.ref}" shows them`,
  'target.kind.unknown': (p) => `"${p.kind}" is not a target kind: use ${p.known.join(' or ')}`,
  'target.malformed': (p) => `write it as: keyturn target add REF ${p.form}`,
};
