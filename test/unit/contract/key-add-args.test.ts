import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../electron/contract/contract.js';

const newInstance = { provider: 'nora', org: 'acme', name: 'live', env: 'production' } as const;

describe('the key.add and key.check calls', () => {
  it('take a stored instance or a new one, never both and never neither', () => {
    for (const [call, base] of [['key.add', { name: 'backend', secret: 'sk_live_x' }], ['key.check', { secret: 'sk_live_x' }]] as const) {
      expect(() => parseArgs(call, { ...base, instanceRef: 'nora/acme/live', newInstance })).toThrow(/give instanceRef or newInstance, not both/);
      expect(() => parseArgs(call, base)).toThrow(/give instanceRef or newInstance, not both/);
    }
    expect(parseArgs('key.add', { newInstance, name: 'backend', secret: 'sk_live_x' })).toMatchObject({ newInstance });
  });

  it('verify a key with the provider unless asked not to', () => {
    expect(parseArgs('key.add', { instanceRef: 'nora/acme/live', name: 'backend', secret: 'sk_live_x' }).verify).toBe(true);
    expect(parseArgs('key.add', { instanceRef: 'nora/acme/live', name: 'backend', secret: 'sk_live_x', verify: false }).verify).toBe(false);
  });
});
