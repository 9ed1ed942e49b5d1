import type { ReferenceProblem } from '../../core/domain/problems/reference.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

type Use = Pick<Extract<ReferenceProblem, { code: 'reference.malformed' }>, 'variable' | 'source' | 'file' | 'line'>;

/** Where the reference was written, as a prefix: "NORA_KEY (.env:3): ", "NORA_KEY (--env): ", "template.yml:4: ". */
function at(p: Use): string {
  const place = p.file ? `${p.file}${p.line ? `:${p.line}` : ''}` : p.source === 'assignment' ? '--env' : null;
  if (p.variable) return `${p.variable}${place ? ` (${place})` : ''}: `;
  return place ? `${place}: ` : '';
}

const STATUS = {
  revoked: 'was revoked',
  expired: 'has expired',
  previous: 'was replaced by a rotation',
  pending: 'is the new key of a rotation not yet verified',
} as const;

const READ_REASON = {
  locked: 'the keychain is locked: unlock it (log in to the desktop session, or unlock the "login" keyring), then run this again',
  unavailable: 'the keychain cannot be reached (no Secret Service on this session bus)',
  'read-failed': 'the keychain failed to read it',
  'secret-missing': 'the keychain holds no secret for it: store it again with "keyturn key add"',
} as const;

export const referenceWordings: AreaWordings<ReferenceProblem> = {
  'reference.malformed': (p) => `${at(p)}"${p.value}" is not a reference: write ${p.form}`,
  'reference.key-missing': (p) =>
    `${at(p)}${p.reference} names ${p.missing === 'instance' ? 'an instance' : p.missing === 'id' ? 'a key id' : 'a key'} this vault does not have (see "keyturn key list")`,
  'reference.key-unusable': (p) =>
    `${at(p)}${p.reference} ${STATUS[p.status]}${p.replacedBy ? `: use keyturn://${p.replacedBy}, which follows rotations` : ''}; nothing was run or written`,
  'reference.environment-mismatch': (p) =>
    `${at(p)}${p.reference} is a ${p.keyEnvironment} key, but ${p.declaredBy === 'option' ? `--environment ${p.declared} was given` : `${p.declarationFile ?? 'the file'}${p.declarationLine ? `:${p.declarationLine}` : ''} declares environment=${p.declared}`}; nothing was run or written`,
  'reference.declaration-malformed': (p) => `${p.file}:${p.line}: "# keyturn: environment=${p.value}" must be environment=sandbox or environment=production`,
  'reference.declarations-conflict': (p) =>
    `${p.file}:${p.line} declares environment=${p.declared} but ${p.otherFile}:${p.otherLine} declares environment=${p.otherDeclared}: give --environment, or make them agree`,
  'reference.secret-unreadable': (p) => `${at(p)}cannot read ${p.keyRef}: ${READ_REASON[p.reason]}${p.detail ? ` (${p.detail})` : ''}; nothing was run or written`,
};
