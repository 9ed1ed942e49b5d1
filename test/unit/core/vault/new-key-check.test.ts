// The new-key check answers with a problem, not a sentence: the same code for the live check and
// for `key add`, which marks it "nothing was stored"; each host words it.
import { describe, expect, it } from 'vitest';
import { cliProblemText } from '../../../../electron/cli/problems/wordings.js';
import { fingerprintOf } from '../../../../electron/core/crypto/fingerprint.js';
import { emptyVaultDocument, type Instance, type VaultDocument } from '../../../../electron/core/domain/model.js';
import { resolveProfile } from '../../../../electron/core/providers/registry.js';
import { checkNewKey } from '../../../../electron/core/vault/new-key-check.js';
import { appProblemText } from '../../../../renderer/src/problems/wordings.js';
import { sampleKeys } from '../../../support/keys.js';

const instance: Instance = { id: 'i1', provider: 'nexora', org: 'acme', name: 'self', env: 'production', baseUrl: 'https://nexora.example', createdAt: '2026-01-01T00:00:00.000Z' };
const nexora = resolveProfile('nexora', []);

function docWith(secret: string): VaultDocument {
  const doc = emptyVaultDocument();
  return {
    ...doc,
    instances: [instance],
    keys: [{ id: 'k1', instanceId: 'i1', name: 'ci', maskedKey: 'nxr_ab…', fingerprint: fingerprintOf(secret), createdAt: instance.createdAt, status: 'active', targets: [] }],
  };
}

describe('checkNewKey', () => {
  it('forbids a key longer than any key of its provider, as key.too-long with its lengths (never the key)', () => {
    const pasted = `nxr_${'a'.repeat(20 * 1024)}`;
    const check = checkNewKey(emptyVaultDocument(), nexora, instance, pasted);
    expect(check.refusal).toEqual({ code: 'key.too-long', field: 'secret', actual: pasted.length, provider: 'Nexora', max: nexora.maxKeyLength });
    expect(JSON.stringify(check.refusal)).not.toContain('aaaa');
    expect(cliProblemText(check.refusal ?? { code: 'unexpected', detail: '' })).toBe(`this is ${pasted.length} characters long; a Nexora key has at most ${nexora.maxKeyLength}: copy only the key`);
    expect(appProblemText(check.refusal ?? { code: 'unexpected', detail: '' })).toBe(`This is ${pasted.length.toLocaleString('en')} characters long; a Nexora key has at most ${nexora.maxKeyLength.toLocaleString('en')}: copy only the key.`);
  });

  it('forbids a key already stored, naming where, and key add marks it as not stored', () => {
    const secret = sampleKeys.nexora();
    const check = checkNewKey(docWith(secret), nexora, instance, secret);
    expect(check.refusal).toEqual({ code: 'new-key.already-stored', field: 'secret', where: 'nexora/acme/self/ci' });
    const atAdd = { code: 'new-key.already-stored', field: 'secret', where: 'nexora/acme/self/ci', nothingStored: true, newInstance: 'nexora/acme/other' } as const;
    expect(cliProblemText(atAdd)).toBe('this key is already stored as nexora/acme/self/ci; nothing was stored (nor the instance nexora/acme/other)');
    expect(appProblemText(atAdd)).toBe('This key is already stored as nexora/acme/self/ci. Nothing was stored (nor the new instance nexora/acme/other).');
  });

  it('accepts a right key with no refusal', () => {
    const check = checkNewKey(emptyVaultDocument(), nexora, instance, ` ${sampleKeys.nexora()}\n`);
    expect(check).toMatchObject({ refusal: null, warnings: ['whitespace around the pasted key was removed'] });
  });
});
