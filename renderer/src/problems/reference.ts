import type { AreaWordings, ReferenceProblem } from '../../../electron/contract/problems.js';

// The app shows references (Copy reference, reference sites) but resolves none: these are worded
// for completeness, naming no command-line option.
const STATUS = {
  revoked: 'was revoked',
  expired: 'has expired',
  previous: 'was replaced by a rotation',
  pending: 'is the new key of a rotation that is not verified yet',
} as const;

const READ_REASON = {
  locked: 'the keychain is locked: unlock it, then try again',
  unavailable: 'the keychain cannot be reached',
  'read-failed': 'the keychain failed to read it',
  'secret-missing': 'the keychain holds no secret for it: add the key again',
} as const;

function place(p: { file?: string | undefined; line?: number | undefined; variable?: string | undefined }): string {
  const where = p.file ? ` in ${p.file}${p.line ? ` (line ${p.line})` : ''}` : '';
  return p.variable ? ` for ${p.variable}${where}` : where;
}

export const referenceWordings: AreaWordings<ReferenceProblem> = {
  'reference.malformed': (p) => `"${p.value}"${place(p)} is not a key reference: write it as ${p.form}.`,
  'reference.key-missing': (p) => `${p.reference}${place(p)} names ${p.missing === 'instance' ? 'an instance' : 'a key'} this vault does not have.`,
  'reference.key-unusable': (p) => `${p.reference}${place(p)} ${STATUS[p.status]}.${p.replacedBy ? ` Use keyturn://${p.replacedBy}, which follows rotations.` : ''}`,
  'reference.environment-mismatch': (p) => `${p.reference}${place(p)} is a ${p.keyEnvironment} key, but ${p.declared} was declared. Nothing was run.`,
  'reference.declaration-malformed': (p) => `Line ${p.line} of ${p.file} declares an environment that is neither sandbox nor production.`,
  'reference.declarations-conflict': (p) => `${p.file} declares ${p.declared} but ${p.otherFile} declares ${p.otherDeclared}: make them agree.`,
  'reference.secret-unreadable': (p) => `${p.keyRef} could not be read${place(p)}: ${READ_REASON[p.reason]}.`,
};
