import type { AreaWordings, TargetProblem } from '../../../electron/contract/problems.js';
import { refusalReason } from '../../../electron/contract/targets.js';

/** A file refused when a target is added: why (the words the rotation's journal uses too), and that nothing changed. */
const notAdded = (p: Parameters<typeof refusalReason>[0]) => `${refusalReason(p)}. Nothing was added.`;

/** What the Targets section of the key detail offers for each leave a target needs. */
const CONSENTS = {
  'follow-link': (p: { path: string; resolved?: string | undefined }) =>
    `${p.path} is a link to ${p.resolved ?? 'another file'}: nothing was added. Choose "Write through the link" to write the key there.`,
  'create-variable': (p: { path: string; variable?: string | undefined }) =>
    `${p.path} has no ${p.variable ?? 'such'}= line: nothing was added. Add the line to the file, or tick "Append the line if the file lacks it".`,
  'create-file': (p: { path: string }) => `${p.path} does not exist: nothing was added. Choose "Create the file" to create it, or give the path of an existing .env file.`,
} as const;

export const targetWordings: AreaWordings<TargetProblem> = {
  'target.file.cannot-look': notAdded,
  'target.file.no-folder': notAdded,
  'target.file.missing': (p) => CONSENTS['create-file'](p),
  'target.file.dangling-link': notAdded,
  'target.file.not-regular': notAdded,
  'target.file.hard-links': notAdded,
  'target.file.read-only': notAdded,
  'target.file.not-writable': notAdded,
  'target.file.folder-not-writable': notAdded,
  'target.file.unread': (p) => `${p.path} could not be read (${p.reason}). Nothing was added; check the file, then add the target again.`,
  // Met during a rotation's swap: the rotation shows them, and Resume tries again.
  'target.file.moved': refusalReason,
  'target.file.changed': refusalReason,
  'target.file.replaced': refusalReason,
  'target.variable.missing': refusalReason,
  'target.variable.foreign-value': (p) => `${p.variable} in ${p.path} ${refusalReason(p)}.`,
  'target.value.multiline': refusalReason,
  'target.command.not-found': (p) =>
    p.given === 'path'
      ? `${p.command} is no executable file. Nothing was added; give the path of a program in the Command field.`
      : `No program named ${p.command} was found on PATH. Nothing was added; give its full path in the Command field, or install it.`,
  'target.file.required': () => 'Give the .env file to write in the ".env file path" field.',
  'target.file.create-failed': (p) => `${p.path} could not be created (${p.osCode}). Nothing was added; check its folder, or choose an existing .env file.`,
  'target.variable.invalid': (p) => `"${p.variable}" is not a variable name: in the Variable field, use letters, digits and "_", starting with a letter or "_".`,
  'target.command.required': () => 'Give the program to run in the Command field.',
  'target.needs-consent': (p) => CONSENTS[p.consent](p),
  'target.duplicate': (p) => `${p.ref} already writes ${p.where}: that target is in the list already.`,
  'target.not-found': (p) => `That target is no longer on ${p.ref}: it may have been removed. Open the key again to see its targets.`,
  'target.kind.unknown': (p) => `"${p.kind}" is not a kind of target Keyturn knows: choose ${p.known.join(' or ')}.`,
  'target.malformed': () => 'That target is incomplete: fill in every field of the form.',
};
