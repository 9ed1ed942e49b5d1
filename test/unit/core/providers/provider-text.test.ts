import { describe, expect, it } from 'vitest';
import { providerText } from '../../../../electron/core/providers/provider-text.js';

describe('providerText: what a provider says, as Keyturn repeats it', () => {
  it('forbids a provider’s escape sequence or control character from reaching a terminal raw', () => {
    const said = providerText('revoked\u001b[2J\u001b]0;owned\u0007\r\nnext\u009b31m');
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(said).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(said).toBe('revoked\\u001b[2J\\u001b]0;owned\\u0007\\u000d\\u000anext\\u009b31m');
  });

  it('keeps ordinary words, accents and quotes as they are, and cuts a page to a sentence', () => {
    expect(providerText('Clé révoquée: "api_key_revoked"')).toBe('Clé révoquée: "api_key_revoked"');
    expect(providerText('x'.repeat(1000))).toHaveLength(301);
  });
});
