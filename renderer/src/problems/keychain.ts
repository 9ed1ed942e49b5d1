import type { AreaWordings, KeychainProblem } from '../../../electron/contract/problems.js';

const ADVICE = {
  'start-keyring': "start your desktop's keyring (for example gnome-keyring) or log in to a desktop session",
  'private-keyring': 'log in to a desktop session, or start Keyturn from a shell with a private keyring (the README says how)',
  'start-or-private-keyring': "start your desktop's keyring, log in to a desktop session, or start Keyturn from a shell with a private keyring (the README says how)",
  'install-dbus-send': 'install dbus-send (on Debian and Ubuntu: the package dbus-bin, or dbus on older releases) and restart Keyturn',
} as const;

export const keychainWordings: AreaWordings<KeychainProblem> = {
  'keychain.locked': () =>
    'The OS keychain is locked; nothing was changed. Unlock it (on Linux: open "Passwords and Keys" and unlock the login keyring; on macOS: Keychain Access; on Windows: sign in again), then try again.',
  'keychain.unavailable': (p) => `The OS keychain is unavailable (${p.cause}); nothing was changed. To use Keyturn, ${ADVICE[p.advice]}, then try again.`,
};
