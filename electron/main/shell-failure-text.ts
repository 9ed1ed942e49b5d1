import type { Problem } from '../core/domain/problems/catalogue.js';
import { ProblemError } from '../core/domain/problems/problem-error.js';

/**
 * What the desktop shell prints when it fails outside a call (at start-up, in a scheduled check, at
 * quit). It goes to the terminal or log the app was started from, not to a window (there may be
 * none), so it names no field or button; the renderer's wordings are not for this side of the
 * bridge. It words the problems the shell meets before its window can show one (the vault home and
 * the keychain) and any other by its code and parameters, which never carry a secret.
 */
export function shellFailureText(error: unknown): string {
  if (error instanceof ProblemError) return problemText(error.problem);
  return error instanceof Error ? error.message : String(error);
}

const RECOVER = 'restore it with the command-line tool ("keyturn vault recover-id"; the README\'s "Vault id" section says how), then start Keyturn again';

const PRIVATE_KEYRING = 'start Keyturn from a shell with a private keyring (the README says how)';
const KEYCHAIN_ADVICE = {
  'start-keyring': "start your desktop's keyring (for example gnome-keyring) or log in to a desktop session",
  'private-keyring': `log in to a desktop session, or ${PRIVATE_KEYRING}`,
  'start-or-private-keyring': `start your desktop's keyring, log in to a desktop session, or ${PRIVATE_KEYRING}`,
  'install-dbus-send': 'install dbus-send (on Debian and Ubuntu: the package dbus-bin, or dbus on older releases)',
} as const;

function problemText(p: Problem): string {
  switch (p.code) {
    case 'vault.identity-lost': {
      const what = p.state === 'missing' ? 'is missing' : p.why ? `is damaged (${p.why})` : 'is damaged';
      const holds = p.records > 0 ? ` while ${p.vaultFile} lists ${p.records} ${p.records === 1 ? 'record' : 'records'} (keys and instances)` : '';
      return `the vault id file ${p.idFile} ${what}${holds}: a new id would hide every secret this vault stored, so Keyturn stops here. Your secrets are in the OS keychain under ${p.recordedService ?? 'keyturn:<id>'}: ${RECOVER}.`;
    }
    case 'vault.identity-mismatch':
      return `${p.vaultFile} belongs to the vault with id ${p.recordedId}, but ${p.idFile} says ${p.fileId}: the two files come from different vaults. Put back the matching vault-id.json or, if vault.json is the right one, ${RECOVER}.`;
    case 'vault.damaged':
      return `the vault file ${p.file} is damaged (${p.parts.join('; ')}), so nothing can be saved until it is fixed: fix it in that file${p.lastGood ? `, or put back the last good copy, ${p.lastGood}, with Keyturn closed` : ''}.`;
    case 'keychain.locked':
      return 'the OS keychain is locked: unlock it (on Linux: open "Passwords and Keys" and unlock the login keyring; on macOS: Keychain Access; on Windows: sign in again), then start Keyturn again.';
    case 'keychain.unavailable':
      return `the OS keychain is unavailable (${p.cause}): ${KEYCHAIN_ADVICE[p.advice]}, then start Keyturn again.`;
    case 'unexpected':
      return p.detail;
    default: {
      const { code, ...params } = p;
      return Object.keys(params).length > 0 ? `${code} ${JSON.stringify(params)}` : code;
    }
  }
}
