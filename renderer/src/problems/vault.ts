import type { AreaWordings, VaultProblem } from '../../../electron/contract/problems.js';

const NAME_OF = { org: 'The organization', instance: 'The instance name', name: 'The key name' } as const;

/** How the Add key dialog ends a refused key: nothing was stored, nor the new instance. */
export function notStored(p: { nothingStored?: boolean | undefined; newInstance?: string | undefined }): string {
  return p.nothingStored ? ` Nothing was stored${p.newInstance ? ` (nor the new instance ${p.newInstance})` : ''}.` : '';
}

/** "A and B", "A, B and C": names, then what always closes the list. */
function andList(names: readonly string[], last: string): string {
  return names.length === 0 ? last : `${names.join(', ')} and ${last}`;
}

export const vaultWordings: AreaWordings<VaultProblem> = {
  'name.invalid': (p) => `${NAME_OF[p.field]} ${p.reason}.`,
  'env.invalid': () => 'Choose the environment: Sandbox or Production.',
  'instance.exists': (p) => `There is already an instance ${p.ref}: give the new one another name, or choose ${p.ref} in the Instance list.`,
  'instance.verify-path-fixed': (p) => `${p.ref}: ${p.provider}'s verify call is fixed by its documents; only ${andList(p.configurable, 'providers you describe')} have a verify path to change.`,
  'provider.definition-invalid': (p) => `The provider's description ${p.reason}.`,
  'provider.needs-prefix-or-pattern': () => 'A provider needs a key prefix or a key pattern so its keys can be recognised: fill in one of them.',
  'provider.pattern-invalid': (p) => `"${p.value}" is not a valid regular expression: correct the key pattern.`,
  'provider.exists': (p) => `There is already a provider named ${p.name}: choose another name.`,
  'key.name-taken': (p) => `${p.instance} already has a key named "${p.name}": choose another key name.`,
  'key.expiry-passed': (p) => `The expiry date ${p.value} has already passed: a key that expired cannot be stored as active. Choose a later date, or leave Expires empty.`,
  'new-key.already-stored': (p) => `This key is already stored as ${p.where}.${notStored(p)}`,
  'new-key.same-as-old': (p) => `This is the old key of ${p.ref}, pasted again: create a new key in the dashboard and paste that one.${notStored(p)}`,
  'key.in-rotation': (p) => `${p.ref} is in a rotation in progress, so it cannot be ${p.action === 'remove' ? 'removed' : 'renamed'}: finish the rotation with "Resume", or "Abandon the rotation", first.`,
  'instance.has-keys': (p) => `${p.ref} still holds ${p.count} key${p.count === 1 ? '' : 's'}: remove ${p.count === 1 ? 'it' : 'them'} first. Nothing was changed.`,
  'removal.not-confirmed': (p) => `Type the instance name "${p.instance}" exactly as shown to remove ${p.what === 'key' ? 'a key of this production instance' : 'this production instance'}: nothing was removed.`,
  'key.rejected': (p) =>
    `${p.provider} rejected this key (${p.httpStatus ?? 401}: ${p.reason}); nothing was stored: to store it anyway, tick "Store without checking".${p.newInstance ? ` The new instance ${p.newInstance} was not stored either.` : ''}`,
  'key.secret-missing': (p) => `The keychain holds no secret for ${p.ref}: it was removed outside Keyturn. Remove this key and add it again.`,
  'key.not-given': () => 'No key was given: paste the key.',
  'verify.refs-and-all': () => 'Verify either the keys you chose or all keys, not both.',
  'verify.nothing-chosen': () => 'Choose the keys to verify, or verify all keys.',
  'keychain.read-failed': (p) => `Keyturn could not read the OS keychain (${p.detail}). Try again; if it keeps failing, restart your desktop's keyring.`,
  'keychain.write-failed': (p) => `Keyturn could not save the key in the OS keychain (${p.detail}); nothing was stored. Try again.`,
  'keychain.write-mismatch': () => 'The OS keychain returned a different value than Keyturn wrote, so nothing was stored. Try again; if it keeps happening, restart your desktop\'s keyring.',
  'keychain.remove-failed': (p) => `Keyturn could not remove the key from the OS keychain (${p.detail}); nothing was changed. Try again.`,
};
