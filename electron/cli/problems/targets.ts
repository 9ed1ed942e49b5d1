import type { AreaWordings } from '../../core/domain/problems/catalogue.js';
import type { TargetProblem } from '../../core/domain/problems/targets.js';
import { refusalReason } from '../../core/targets/reasons.js';

/** A refusal when a target is added: the reason the journal would give, and that nothing changed. */
const notAdded = (p: Parameters<typeof refusalReason>[0]) => `${refusalReason(p)}; nothing was added`;

/** How a person allows, on the command line, what a target needs. */
const CONSENT_FLAGS = {
  'follow-link': (p: { path: string; resolved?: string | undefined; confirmed?: string | undefined }) =>
    `${p.path} is a link to ${p.resolved ?? 'another file'}${p.confirmed === undefined ? '' : ` (not ${p.confirmed}, as confirmed)`}: nothing was added; to write the key there, add --follow-link`,
  'create-variable': (p: { path: string; variable?: string | undefined }) =>
    `${p.path} has no ${p.variable ?? 'such'}= line: nothing was added; add the line to the file, or allow Keyturn to append it (add it again with --create-variable)`,
  'create-file': (p: { path: string }) => `${p.path} does not exist: nothing was added; create the file, or let Keyturn create it (add it again with --create-file to create it)`,
} as const;

export const targetWordings: AreaWordings<TargetProblem> = {
  'target.file.cannot-look': notAdded,
  'target.file.no-folder': notAdded,
  'target.file.missing': notAdded,
  'target.file.dangling-link': notAdded,
  'target.file.not-regular': notAdded,
  'target.file.hard-links': notAdded,
  'target.file.read-only': notAdded,
  'target.file.not-writable': notAdded,
  'target.file.folder-not-writable': notAdded,
  'target.file.unread': (p) => `${p.path} was not read (${p.reason}); nothing was added`,
  // Met only by a swap, whose journal words them (targets/reasons.ts); the same words here.
  'target.file.moved': refusalReason,
  'target.file.changed': refusalReason,
  'target.file.replaced': refusalReason,
  'target.variable.missing': refusalReason,
  'target.variable.foreign-value': (p) => `${p.variable} in ${p.path} ${refusalReason(p)}`,
  'target.value.multiline': refusalReason,
  'target.command.not-found': (p) => `${refusalReason(p)}: nothing was added`,
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
