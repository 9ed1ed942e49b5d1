import { describe, expect, it } from 'vitest';
import { nexoraProfile } from '../../../../electron/core/providers/nexora/profile.js';
import { noraProfile } from '../../../../electron/core/providers/nora/profile.js';
import { xerotierProfile } from '../../../../electron/core/providers/xerotier/profile.js';
import { xoraProfile } from '../../../../electron/core/providers/xora/profile.js';
import { resolveProfile } from '../../../../electron/core/providers/registry.js';
import { detectProvider } from '../../../../electron/core/providers/detect.js';
import type { Instance } from '../../../../electron/core/domain/model.js';
import { sampleKeys } from '../../../support/keys.js';

const instance = (over: Partial<Instance>): Instance => ({
  id: 'i', provider: 'xora', org: 'acme', name: 'main', env: 'production', baseUrl: 'https://api.xora.sh/v1', createdAt: new Date(0).toISOString(), ...over,
});

describe('provider profiles follow the providers’ documents', () => {
  it('Xora: nte_ and 52 characters; Bearer; GET /v1/jobs', () => {
    expect(xoraProfile.checkKey(sampleKeys.xora(), { org: 'acme', env: 'production' })).toBeNull();
    expect(xoraProfile.checkKey(`${sampleKeys.xora()}x`, { org: 'acme', env: 'production' })).toEqual(expect.objectContaining({ code: 'key.wrong-length', expected: 52, actual: 53 }));
    expect(xoraProfile.authHeaders('nte_k')).toEqual({ authorization: 'Bearer nte_k' });
    expect(xoraProfile.verifyUrl(instance({}))).toBe('https://api.xora.sh/v1/jobs');
    expect(xoraProfile.reasonFromRejection({ error: { code: 'UNAUTHORIZED', message: 'Authentication required.', retryable: false } })).toEqual({ reason: 'Authentication required.', revoked: false });
  });

  it('Nexora: nxr_, Bearer, the key list as verify call, {detail} errors, API create/rotate/revoke', () => {
    expect(nexoraProfile.checkKey(sampleKeys.nexora(), { org: 'acme', env: 'sandbox' })).toBeNull();
    expect(nexoraProfile.defaultBaseUrl('production')).toBeNull();
    expect(nexoraProfile.verifyUrl(instance({ baseUrl: 'https://nexora.example.com/api' }))).toBe('https://nexora.example.com/api/users/me/api-keys');
    expect(nexoraProfile.reasonFromRejection({ detail: 'Invalid token' })).toEqual({ reason: 'Invalid token', revoked: false });
    expect(nexoraProfile.capabilities).toEqual({ create: 'api', rotateInPlace: true, revoke: 'api', list: 'api' });
  });

  it('Nora: X-API-Key only; sk_test_ only in sandbox and sk_live_ only in production; api_key_revoked', () => {
    expect(noraProfile.authHeaders('sk_live_x')).toEqual({ 'x-api-key': 'sk_live_x' });
    expect(noraProfile.checkKey(sampleKeys.nora('sandbox'), { org: 'acme', env: 'sandbox' })).toBeNull();
    expect(noraProfile.checkKey(sampleKeys.nora('production'), { org: 'acme', env: 'sandbox' })).toEqual(expect.objectContaining({ code: 'key.wrong-environment', keyEnv: 'production', instanceEnv: 'sandbox' }));
    expect(noraProfile.checkKey(sampleKeys.nora('sandbox'), { org: 'acme', env: 'production' })).toEqual(expect.objectContaining({ code: 'key.wrong-environment', keyEnv: 'sandbox', instanceEnv: 'production' }));
    expect(noraProfile.defaultBaseUrl('sandbox')).toBe('https://staging.api.nora.finance');
    expect(noraProfile.defaultBaseUrl('production')).toBe('https://api.nora.finance');
    expect(noraProfile.verifyUrl(instance({ baseUrl: 'https://api.nora.finance' }))).toBe('https://api.nora.finance/v2/instance');
    expect(noraProfile.verifyUrl(instance({ baseUrl: 'https://api.nora.finance', verifyPath: '/v2/accounts' }))).toBe('https://api.nora.finance/v2/accounts');
    expect(noraProfile.reasonFromRejection({ code: 'api_key_revoked', message: 'This key was revoked' }).revoked).toBe(true);
    expect(noraProfile.reasonFromRejection({ code: 'invalid_api_key' }).revoked).toBe(false);
    expect(noraProfile.reasonFromRejection('<html>').revoked).toBe(false);
  });

  it("Xerotier: xero_<slug>_ where the slug is the organization's; /<project_id>/v1/models", () => {
    expect(xerotierProfile.checkKey(sampleKeys.xerotier('my-project'), { org: 'my-project', env: 'production' })).toBeNull();
    expect(xerotierProfile.checkKey(sampleKeys.xerotier('my'), { org: 'my-project', env: 'production' })).toEqual(expect.objectContaining({ code: 'key.other-project', org: 'my-project', prefix: 'xero_my-project_' }));
    expect(xerotierProfile.verifyUrl(instance({ baseUrl: 'https://api.xerotier.ai', projectId: 'proj_ABC123' }))).toBe('https://api.xerotier.ai/proj_ABC123/v1/models');
  });

  it('a user-defined provider checks its prefix or pattern and sends its header', () => {
    const custom = resolveProfile('acme', [{ name: 'acme', keyPrefix: 'ak_', headerName: 'X-Acme-Key', baseUrls: { production: 'https://api.acme.test' }, verifyPath: '/v1/me' }]);
    expect(custom.id).toBe('custom:acme');
    expect(custom.checkKey('ak_123456', { org: 'o', env: 'production' })).toBeNull();
    expect(custom.checkKey('zz_123456', { org: 'o', env: 'production' })).toEqual(expect.objectContaining({ code: 'key.wrong-prefix', form: 'ak_' }));
    expect(custom.authHeaders('ak_1')).toEqual({ 'x-acme-key': 'ak_1' });
    const bearer = resolveProfile('custom:b', [{ name: 'b', keyPattern: '^b_[0-9]+$', headerName: 'Authorization', headerScheme: 'Bearer', baseUrls: {}, verifyPath: '/me' }]);
    expect(bearer.checkKey('b_12', { org: 'o', env: 'sandbox' })).toBeNull();
    expect(bearer.checkKey('b_x', { org: 'o', env: 'sandbox' })).toEqual(expect.objectContaining({ code: 'key.pattern-mismatch', pattern: '^b_[0-9]+$' }));
    expect(bearer.authHeaders('b_1')).toEqual({ authorization: 'Bearer b_1' });
  });

  it('every profile refuses a key with whitespace inside', () => {
    for (const profile of [xoraProfile, nexoraProfile, noraProfile, xerotierProfile]) {
      expect(profile.checkKey('nte_ab cd', { org: 'acme', env: 'production' })).toEqual({ code: 'key.whitespace-inside', field: 'secret' });
    }
  });
});

describe('a key is never longer than its provider issues', () => {
  it('each profile caps the length; a user-defined provider gets the contract’s 4,096', () => {
    expect([xoraProfile, nexoraProfile, noraProfile, xerotierProfile].map((p) => [p.id, p.maxKeyLength])).toEqual([['xora', 52], ['nexora', 256], ['nora', 256], ['xerotier', 256]]);
    expect(resolveProfile('acme', [{ name: 'acme', keyPrefix: 'ak_', headerName: 'X-Acme-Key', baseUrls: {}, verifyPath: '/v1/me' }]).maxKeyLength).toBe(4096);
  });

  it('a 20 KB blob that starts like a key is not detected as one (scan, leak guesses)', () => {
    expect(detectProvider(sampleKeys.nexora())?.profile.id).toBe('nexora');
    expect(detectProvider(`nxr_${'a'.repeat(20 * 1024)}`)).toBeNull();
    expect(detectProvider(`sk_live_${'a'.repeat(20 * 1024)}`)).toBeNull();
  });
});
