import type { KeychainProblem } from '../../core/domain/problems/keychain.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

const UNLOCK = 'unlock it (on Linux: open "Passwords and Keys" and unlock the login keyring, or log in to the desktop again; on macOS: Keychain Access; on Windows: sign in again)';

/**
 * How to get a keychain where the session has none: the private keyring the README describes. A
 * shell, so that several commands share it; its secrets go with it, which the advice says.
 */
const PRIVATE_KEYRING =
  'log in to a desktop session, or work in a shell with a private keyring (in the Keyturn folder: node scripts/with-keyring.mjs -- bash; what it stores lasts until that shell exits)';

const ADVICE = {
  'start-keyring': "start your desktop's keyring (e.g. gnome-keyring) or log in to a desktop session",
  'private-keyring': PRIVATE_KEYRING,
  'start-or-private-keyring': `start your desktop's keyring, ${PRIVATE_KEYRING}`,
  'install-dbus-send': 'install dbus-send (on Debian and Ubuntu: the package dbus-bin, or dbus on older releases)',
} as const;

export const keychainWordings: AreaWordings<KeychainProblem> = {
  'keychain.locked': () => `the OS keychain is locked: ${UNLOCK}, then run the command again; nothing was changed`,
  'keychain.unavailable': (p) => `the OS keychain is unavailable (${p.cause}): ${ADVICE[p.advice]}, then run the command again; nothing was changed`,
};
