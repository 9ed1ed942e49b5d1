import { describe, expect, it } from 'vitest';
import { instanceRef, keyRef, orgRef } from '../../../electron/contract/refs.js';
import * as core from '../../../electron/core/vault/refs.js';

describe("the contract's refs", () => {
  const instance = { provider: 'custom:acme-ai', org: 'acme', name: 'live' };
  it('are written as core writes (and reads) them', () => {
    expect(instanceRef(instance)).toBe(core.instanceRef(instance));
    expect(keyRef(instance, 'backend')).toBe(core.keyRef(instance, { name: 'backend' }));
    expect(orgRef('xora', 'acme')).toBe('xora/acme');
    expect(keyRef(instance, 'backend').startsWith(`${orgRef(instance.provider, instance.org)}/`)).toBe(true);
  });
});
