import type { InjectProblem } from '../../../../domain/problems/inject.js';
import type { ReferenceProblem } from '../../../../domain/problems/reference.js';
import { ProblemError } from '../../../../domain/problems/problem-error.js';
import type { AreaWordings } from '../../../../domain/problems/wording.js';
import { reasonOf } from '../../../../targets/reasons.js';

/*
 * Why an inject target cannot be rendered again, as the rotation's journal keeps it: stored text
 * every host shows later, so it names no flag and no button (as targets/reasons.ts for the others).
 */

const INJECT: AreaWordings<InjectProblem> = {
  'inject.placeholder-unclosed': (p) => `line ${p.line} of ${p.file ?? 'the template'} opens a placeholder that is not closed`,
  'inject.template-unreadable': (p) => `the template ${p.path} cannot be read (${p.reason})`,
  'inject.output-foreign': (p) =>
    p.why === 'edited' ? `${p.path} was changed since Keyturn rendered it: not replaced; render it again by hand, then resume` : `${p.path} was not written by Keyturn: not replaced`,
  'inject.output-not-regular': (p) => `${p.path} is ${p.what}, not a regular file`,
  'inject.output-no-folder': (p) => `the folder ${p.folder} of ${p.path} does not exist`,
  'inject.output-is-template': (p) => `${p.path} is the template itself`,
  'inject.output-write-failed': (p) => `${p.path} could not be written (${p.osCode})`,
  'inject.record-needs-files': () => 'a rendered target needs a template file and an output file',
  'inject.template-not-of-key': (p) => `the template ${p.template} holds no reference to ${p.ref}`,
};

const STATUS = { revoked: 'was revoked', expired: 'has expired', previous: 'was replaced by a rotation', pending: 'is not verified yet' } as const;

function at(p: { file?: string | undefined; line?: number | undefined }): string {
  return p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : '';
}

const REFERENCE: AreaWordings<ReferenceProblem> = {
  'reference.malformed': (p) => `${at(p)}"${p.value}" is not a reference`,
  'reference.key-missing': (p) => `${at(p)}${p.reference} names nothing in this vault`,
  'reference.key-unusable': (p) => `${at(p)}${p.reference} ${STATUS[p.status]}${p.replacedBy ? ` (keyturn://${p.replacedBy} holds its name now)` : ''}`,
  'reference.environment-mismatch': (p) => `${at(p)}${p.reference} is a ${p.keyEnvironment} key, but ${p.declared} was declared`,
  'reference.declaration-malformed': (p) => `${p.file}:${p.line} declares an environment that is neither sandbox nor production`,
  'reference.declarations-conflict': (p) => `${p.file} and ${p.otherFile} declare different environments`,
  'reference.secret-unreadable': (p) => `${at(p)}the secret of ${p.keyRef} cannot be read (${p.reason})`,
};

const WORDS = { ...INJECT, ...REFERENCE } as Record<string, (p: unknown) => string>;

/** A check's or a write's failure in the journal's words. */
export function injectReason(error: unknown, fallback: string): string {
  if (error instanceof ProblemError) {
    const word = WORDS[error.problem.code];
    if (word) return word(error.problem);
  }
  return reasonOf(error, fallback);
}
