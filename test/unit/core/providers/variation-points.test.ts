import { describe, expect, it } from 'vitest';
import { BUILTIN_PROVIDERS } from '../../../../electron/core/domain/model.js';
import { detectProvider } from '../../../../electron/core/providers/detect.js';
import { keyShapeProblem, maskKey } from '../../../../electron/core/providers/key-shape.js';
import { createsByApi, type ApiProfile, type GuidedProfile, type ProviderProfile } from '../../../../electron/core/providers/profile.js';
import { builtinProfiles, resolveProfile } from '../../../../electron/core/providers/registry.js';
import { nexoraProfile } from '../../../../electron/core/providers/nexora/profile.js';
import { xoraProfile } from '../../../../electron/core/providers/xora/profile.js';
import { sampleKeys } from '../../../support/keys.js';

const acme = [{ name: 'acme', keyPrefix: 'ak_', headerName: 'X-Acme-Key', baseUrls: { production: 'https://api.acme.test' }, verifyPath: '/v1/me' }];
const everyProfile: ProviderProfile[] = [...builtinProfiles, resolveProfile('acme', acme)];

describe('the built-in providers are one list', () => {
  it('the registry has one profile per id of BUILTIN_PROVIDERS, in its order, each under its own id', () => {
    expect(builtinProfiles.map((p) => p.id)).toEqual([...BUILTIN_PROVIDERS]);
    for (const id of BUILTIN_PROVIDERS) expect(resolveProfile(id, []).id).toBe(id);
  });

  it('an unknown provider is a problem naming the ones there are, not a sentence', () => {
    expect(() => resolveProfile('acme-cloud', acme)).toThrow(
      expect.objectContaining({ problem: { code: 'provider.unknown', field: 'provider', provider: 'acme-cloud', known: [...BUILTIN_PROVIDERS, 'acme'] } }),
    );
  });
});

describe('each provider variation point is declared by every profile', () => {
  it('every profile says how a masked key is shown, whether its verify path is a setting, and what its keys name', () => {
    for (const profile of everyProfile) {
      expect(Number.isInteger(profile.shownAfterPrefix) && profile.shownAfterPrefix > 0, profile.id).toBe(true);
      expect(typeof profile.verifyPathSetting, profile.id).toBe('boolean');
      expect(typeof profile.orgOf, profile.id).toBe('function');
      expect(profile.orgMeaning === null || profile.orgMeaning.length > 0, profile.id).toBe(true);
    }
    expect(everyProfile.filter((p) => p.verifyPathSetting).map((p) => p.id)).toEqual(['nora', 'custom:acme']);
    expect(everyProfile.filter((p) => p.orgMeaning !== null).map((p) => p.id)).toEqual(['xerotier']);
  });

  it("a key's organization comes from its profile: a Xerotier key names its project slug, the others none", () => {
    expect(resolveProfile('xerotier', []).orgOf(sampleKeys.xerotier('acme-ml'))).toBe('acme-ml');
    expect(detectProvider(sampleKeys.xerotier('acme-ml'))).toMatchObject({ profile: { id: 'xerotier' }, org: 'acme-ml' });
    for (const id of ['xora', 'nexora', 'nora'] as const) expect(resolveProfile(id, []).orgOf(sampleKeys.xerotier('acme-ml')), id).toBeNull();
  });

  it('a masked key shows the visible prefix and the profile’s count of characters after it', () => {
    const xero = sampleKeys.xerotier('my-project');
    expect(maskKey(resolveProfile('xerotier', []), xero)).toBe(`${xero.slice(0, 'xero_my-project_'.length + 4)}…`);
    const xora = sampleKeys.xora();
    expect(maskKey(xoraProfile, xora)).toBe(`${xora.slice(0, 'nte_'.length + 6)}…`);
  });

  it('a key longer than its provider issues is a key-shape problem after the format checks', () => {
    const long = `nxr_${'a'.repeat(300)}`;
    expect(keyShapeProblem(nexoraProfile, long, { org: 'acme', env: 'production' })).toEqual({ code: 'key.too-long', field: 'secret', provider: 'Nexora', actual: 304, max: 256 });
    // Xora's own length rule speaks first.
    expect(keyShapeProblem(xoraProfile, `nte_${'a'.repeat(300)}`, { org: 'acme', env: 'production' })).toMatchObject({ code: 'key.wrong-length' });
    expect(keyShapeProblem(nexoraProfile, sampleKeys.nexora(), { org: 'acme', env: 'production' })).toBeNull();
  });
});

describe('a profile that creates keys by API has its key API by type', () => {
  it('every profile that creates (or revokes, lists, rotates) by API has a key API; the others have none', () => {
    for (const profile of everyProfile) {
      const byApi = [profile.capabilities.create, profile.capabilities.revoke, profile.capabilities.list].includes('api') || profile.capabilities.rotateInPlace;
      expect(createsByApi(profile), profile.id).toBe(byApi);
      if (createsByApi(profile)) expect(typeof profile.keyApi, profile.id).toBe('function');
      else expect(profile.keyApi, profile.id).toBeUndefined();
    }
  });

  it('forbids a profile that creates by API without a key API, or a guided one that claims API capabilities (type test)', () => {
    const { keyApi: _keyApi, ...withoutApi } = nexoraProfile;
    // @ts-expect-error create by API needs a keyApi
    const noApi: ApiProfile = withoutApi;
    // @ts-expect-error a guided profile revokes in the dashboard: revoke by API would need a key API
    const guidedRevokingByApi: GuidedProfile = { ...xoraProfile, capabilities: { ...xoraProfile.capabilities, revoke: 'api' } };
    // @ts-expect-error nor is such a profile any ProviderProfile
    const asProfile: ProviderProfile = withoutApi;
    expect([noApi, guidedRevokingByApi, asProfile].every((p) => p.keyApi === undefined)).toBe(true);
  });

  it('narrows by the capability, with no cast: createsByApi gives the key API', () => {
    const profile: ProviderProfile = resolveProfile('nexora', []);
    if (!createsByApi(profile)) throw new Error('Nexora creates by API');
    const api = profile.keyApi({ id: 'i', provider: 'nexora', org: 'a', name: 'n', env: 'production', baseUrl: 'https://nexora.example', createdAt: new Date(0).toISOString() }, {
      request: () => Promise.reject(new Error('not called')),
      close: () => Promise.resolve(),
    });
    expect(typeof api.create).toBe('function');
  });
});

describe('key-shape problems carry no key', () => {
  it('a refused key is described by its forms, never by its characters', () => {
    const secret = `nte_${'Z'.repeat(47)}!`;
    const found = xoraProfile.checkKey(secret, { org: 'acme', env: 'production' });
    expect(found).toMatchObject({ code: 'key.bad-characters' });
    expect(JSON.stringify(found)).not.toContain('ZZZZ');
  });
});
