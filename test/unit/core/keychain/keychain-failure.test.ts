// keytar's one-line failures as typed errors: each says what is missing and which advice gets it,
// and each host words that (the terminal names the private-keyring shell; the app never a command).
import { describe, expect, it } from 'vitest';
import { cliProblemText } from '../../../../electron/cli/problems/wordings.js';
import { keychainFailure } from '../../../../electron/core/keychain/keychain-failure.js';
import { KeychainLockedError, KeychainUnavailableError } from '../../../../electron/core/ports/secret-store.js';
import { appProblemText } from '../../../../renderer/src/problems/wordings.js';

describe('keychainFailure', () => {
  it.each(['Cannot autolaunch D-Bus without X11 $DISPLAY', 'Could not connect: No such file or directory'])('names a missing session bus and the private-keyring shell for %j', (message) => {
    const error = keychainFailure(message);
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error.problem).toEqual({ code: 'keychain.unavailable', cause: `this session has no D-Bus session bus to reach it through: ${message}`, advice: 'private-keyring' });
    expect(error.kind).toBe('failure');
    expect(cliProblemText(error.problem)).toBe(
      `the OS keychain is unavailable (this session has no D-Bus session bus to reach it through: ${message}): log in to a desktop session, or work in a shell with a private keyring (in the Keyturn folder: node scripts/with-keyring.mjs -- bash; what it stores lasts until that shell exits), then run the command again; nothing was changed`,
    );
    expect(appProblemText(error.problem)).toMatch(/^The OS keychain is unavailable \(.*\); nothing was changed\. To use Keyturn, log in to a desktop session, or start Keyturn from a shell with a private keyring/);
  });

  it('names a missing Secret Service on a bus that has none', () => {
    const error = keychainFailure('The name org.freedesktop.secrets was not provided by any .service files');
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error.problem).toMatchObject({ code: 'keychain.unavailable', advice: 'start-or-private-keyring' });
    expect(cliProblemText(error.problem)).toMatch(/^the OS keychain is unavailable \(no Secret Service such as gnome-keyring runs in this session: .*\): start your desktop's keyring, log in to a desktop session, or work in a shell with a private keyring \(.*with-keyring\.mjs -- bash.*\), then run the command again; nothing was changed$/);
  });

  it('keeps a locked keychain locked, and any other failure unavailable with its own words', () => {
    expect(keychainFailure('Cannot create an item in a locked collection')).toBeInstanceOf(KeychainLockedError);
    expect(keychainFailure('User interaction is not allowed.').problem).toEqual({ code: 'keychain.locked' });
    const other = keychainFailure('Something else');
    expect(other).toBeInstanceOf(KeychainUnavailableError);
    expect(other.problem).toEqual({ code: 'keychain.unavailable', cause: 'Something else', advice: 'start-keyring' });
    expect(cliProblemText(other.problem)).toContain('(Something else): start your desktop');
  });
});
