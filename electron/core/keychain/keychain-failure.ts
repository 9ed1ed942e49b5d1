import { KeychainLockedError, KeychainUnavailableError, type KeychainError } from '../ports/secret-store.js';

/**
 * How to get a keychain where the session has none: the private keyring the README describes. A
 * shell, so that several commands share it; its secrets go with it, which the advice says.
 */
const PRIVATE_KEYRING_ADVICE =
  'log in to a desktop session, or work in a shell with a private keyring (in the Keyturn folder: node scripts/with-keyring.mjs -- bash; what it stores lasts until that shell exits)';

/** libsecret's words when there is no D-Bus session bus to reach a Secret Service through (an SSH login, a container). */
const NO_SESSION_BUS = /autolaunch|\$DISPLAY|DBUS_SESSION_BUS_ADDRESS|Could not connect|Failed to connect to socket/i;
/** ...and when there is a bus but no Secret Service on it. */
const NO_SECRET_SERVICE = /org\.freedesktop\.secrets|not provided by any \.service files|ServiceUnknown|not activatable/i;

/** A keytar failure as the typed error: locked, or unavailable with what is missing and how to get it, in one sentence. */
export function keychainFailure(message: string): KeychainError {
  // libsecret: "Cannot create an item in a locked collection"; macOS: "User interaction is not allowed."
  if (/locked|interaction is not allowed/i.test(message)) return new KeychainLockedError();
  if (NO_SESSION_BUS.test(message)) return new KeychainUnavailableError(`this session has no D-Bus session bus to reach it through: ${message}`, PRIVATE_KEYRING_ADVICE);
  if (NO_SECRET_SERVICE.test(message)) {
    return new KeychainUnavailableError(`no Secret Service such as gnome-keyring runs in this session: ${message}`, `start your desktop's keyring, ${PRIVATE_KEYRING_ADVICE}`);
  }
  return new KeychainUnavailableError(message || 'unknown error');
}
