import type { VaultProblem } from '../../core/domain/problems/vault.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

const NAME_OF = { org: 'the organization name', instance: 'the instance name', name: 'the key name' } as const;

/** How `key add` ends a new-key refusal: nothing was stored (nor the instance it was to create). */
export function notStored(p: { nothingStored?: boolean | undefined; newInstance?: string | undefined }): string {
  return p.nothingStored ? `; nothing was stored${p.newInstance ? ` (nor the instance ${p.newInstance})` : ''}` : '';
}

/** "A and B", "A, B and C": names, then what always closes the list. */
function andList(names: readonly string[], last: string): string {
  return names.length === 0 ? last : `${names.join(', ')} and ${last}`;
}

export const vaultWordings: AreaWordings<VaultProblem> = {
  'name.invalid': (p) => `${NAME_OF[p.field]} ${p.reason}`,
  'env.invalid': (p) => `--env must be sandbox or production: ${p.reason}`,
  'instance.exists': (p) => `instance ${p.ref} already exists: choose another name, or use it as it is`,
  'instance.verify-path-fixed': (p) => `${p.ref}: ${p.provider}'s verify call is fixed by its documents; only ${andList(p.configurable, 'providers you describe')} take --verify-path`,
  'provider.definition-invalid': (p) => `the provider definition ${p.reason}`,
  'provider.needs-prefix-or-pattern': () => 'a provider needs --prefix or --pattern so its keys can be recognised',
  'provider.pattern-invalid': (p) => `--pattern "${p.value}" is not a valid regular expression`,
  'provider.exists': (p) => `a provider named ${p.name} already exists: choose another name`,
  'key.name-taken': (p) => `${p.instance} already has a key named "${p.name}": choose another name`,
  'key.expiry-passed': (p) => `--expires ${p.value} has already passed: a key that expired cannot be stored as active`,
  'new-key.already-stored': (p) => `this key is already stored as ${p.where}${notStored(p)}`,
  'new-key.same-as-old': (p) => `this is the old key of ${p.ref}, pasted again: create a new key in the dashboard and paste that one${notStored(p)}`,
  'key.in-rotation': (p) => `${p.ref} is in a rotation in progress, so it cannot be ${p.action === 'remove' ? 'removed' : 'renamed'}: finish it ("keyturn rotate ${p.ref} --resume") or abandon it ("keyturn rotate ${p.ref} --abandon") first`,
  'instance.has-keys': (p) => `${p.ref} still holds ${p.count} key${p.count === 1 ? '' : 's'}: remove ${p.count === 1 ? 'it' : 'them'} first ("keyturn key list" shows them); nothing was changed`,
  'removal.not-confirmed': (p) => `"${p.instance}" is a PRODUCTION instance and its name was not typed back: nothing was removed (on a terminal Keyturn asks for it; --yes removes without asking)`,
  'key.rejected': (p) =>
    `${p.provider} rejected this key (${p.httpStatus ?? 401}: ${p.reason}); nothing was stored${p.newInstance ? ` (nor the instance ${p.newInstance})` : ''} (to store it anyway, add --no-verify)`,
  'key.secret-missing': (p) => `the keychain holds no secret for ${p.ref}: it was removed outside Keyturn; add the key again`,
  'key.not-given': () => 'no key on standard input: pipe the key in, e.g. `pbpaste | keyturn key add ...`',
  'verify.refs-and-all': () => 'give key references or --all, not both',
  'verify.nothing-chosen': () => 'name the keys to verify, or pass --all',
  'keychain.read-failed': (p) => `could not read the OS keychain (${p.detail})`,
  'keychain.write-failed': (p) => `could not save the key in the OS keychain (${p.detail}); nothing was stored`,
  'keychain.write-mismatch': () => 'could not save the key in the OS keychain (the keychain returned a different value than was written); nothing was stored',
  'keychain.remove-failed': (p) => `could not remove the key from the OS keychain (${p.detail}); nothing was changed`,
};
