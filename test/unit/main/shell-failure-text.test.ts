import { describe, expect, it } from 'vitest';
import { ProblemError, problem } from '../../../electron/core/domain/problems/problem-error.js';
import { shellFailureText } from '../../../electron/main/shell-failure-text.js';

describe('what the desktop shell prints when it fails outside a call', () => {
  it('words a start-up problem, never prints its bare code, and names no field of a window', () => {
    const lost = new ProblemError(problem('vault.identity-lost', { idFile: '/h/vault-id.json', state: 'missing', vaultFile: '/h/vault.json', records: 2, recordedService: 'keyturn:ab12', recordedIn: '/h/vault.json' }));
    const text = shellFailureText(lost);
    expect(text).not.toBe(lost.message);
    expect(text).toContain('the vault id file /h/vault-id.json is missing while /h/vault.json lists 2 records');
    expect(text).toContain('under keyturn:ab12');
    expect(text).toContain('keyturn vault recover-id');
  });

  it('words the keychain with the advice the problem carries', () => {
    expect(shellFailureText(new ProblemError(problem('keychain.unavailable', { cause: 'no D-Bus session', advice: 'install-dbus-send' })))).toBe(
      'the OS keychain is unavailable (no D-Bus session): install dbus-send (on Debian and Ubuntu: the package dbus-bin, or dbus on older releases), then start Keyturn again.',
    );
  });

  it('prints any other problem by its code and parameters, and a plain error by its message', () => {
    expect(shellFailureText(new ProblemError(problem('vault.metadata-invalid', { where: 'keys.0', reason: 'bad date' })))).toBe('vault.metadata-invalid {"where":"keys.0","reason":"bad date"}');
    expect(shellFailureText(new ProblemError(problem('keychain.locked', {})))).toContain('the OS keychain is locked');
    expect(shellFailureText(new ProblemError(problem('rotation.not-waiting', {})))).toBe('rotation.not-waiting');
    expect(shellFailureText(new Error('EACCES: permission denied, mkdir /h'))).toBe('EACCES: permission denied, mkdir /h');
    expect(shellFailureText('gone')).toBe('gone');
  });
});
