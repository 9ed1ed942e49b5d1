import { KeychainLockedError, KeychainUnavailableError, type KeychainError } from '../ports/secret-store.js';

/** libsecret's words when there is no D-Bus session bus to reach a Secret Service through (an SSH login, a container). */
const NO_SESSION_BUS = /autolaunch|\$DISPLAY|DBUS_SESSION_BUS_ADDRESS|Could not connect|Failed to connect to socket/i;
/** ...and when there is a bus but no Secret Service on it. */
const NO_SECRET_SERVICE = /org\.freedesktop\.secrets|not provided by any \.service files|ServiceUnknown|not activatable/i;

/** A keytar failure as the typed error: locked, or unavailable with what is missing and which advice gets one. */
export function keychainFailure(message: string): KeychainError {
  // libsecret: "Cannot create an item in a locked collection"; macOS: "User interaction is not allowed."
  if (/locked|interaction is not allowed/i.test(message)) return new KeychainLockedError();
  if (NO_SESSION_BUS.test(message)) return new KeychainUnavailableError(`this session has no D-Bus session bus to reach it through: ${message}`, 'private-keyring');
  if (NO_SECRET_SERVICE.test(message)) {
    return new KeychainUnavailableError(`no Secret Service such as gnome-keyring runs in this session: ${message}`, 'start-or-private-keyring');
  }
  return new KeychainUnavailableError(message || 'unknown error');
}
