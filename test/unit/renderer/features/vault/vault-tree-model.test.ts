// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ALL_KEYS, branchIds, countsInWords, vaultTree } from '../../../../../renderer/src/features/vault/vault-tree-model.js';
import { instance, keyRow, overview, provider } from '../../fake-host.js';

const sandbox = instance({ id: 'inst-2', name: 'test', env: 'sandbox' });
const vault = overview({
  instances: [sandbox, instance()],
  providers: [provider()],
  rejected: 1,
  keys: [
    keyRow(),
    keyRow({ id: 'key-2', ref: 'xora/acme/jobs/old', name: 'old', rejected: true }),
    keyRow({ id: 'key-3', ref: 'xora/acme/jobs/api-next', name: 'api-next', status: 'pending', pendingFor: 'key-1' }),
    keyRow({ id: 'key-4', ref: 'xora/acme/jobs/due', name: 'due', policy: { state: 'overdue', dueOn: '2026-01-01', dueBy: 'max age' } }),
    keyRow({ id: 'key-5', ref: 'xora/acme/test/gone', name: 'gone', instance: 'test', env: 'sandbox', status: 'revoked', rejected: true, policy: { state: 'retired', dueOn: null, dueBy: null } }),
  ],
});

describe('vaultTree', () => {
  it('provider → organization → instance, production first, each instance with its environment', () => {
    const root = vaultTree(vault);
    expect(root.id).toBe(ALL_KEYS);
    const xora = root.children[0];
    expect(xora?.label).toBe('Xora');
    const acme = xora?.children[0];
    expect(acme?.id).toBe('xora/acme');
    expect(acme?.children.map((i) => [i.id, i.env])).toEqual([
      ['xora/acme/jobs', 'production'],
      ['xora/acme/test', 'sandbox'],
    ]);
    expect(branchIds(root)).toEqual(['xora', 'xora/acme']);
  });

  it('counts ordinary live keys (never a rotation’s pending key nor a revoked one), the due and the rejected', () => {
    const jobs = vaultTree(vault).children[0]?.children[0]?.children[0];
    // api, old (rejected, still live), due: the pending api-next is not one of them.
    expect(jobs?.counts).toEqual({ keys: 3, due: 1, rejected: 1 });
    // The revoked key that now gets 401 is not a rejected key to act on.
    expect(vaultTree(vault).children[0]?.children[0]?.children[1]?.counts).toEqual({ keys: 0, due: 0, rejected: 0 });
    expect(countsInWords(jobs!.counts)).toBe('3 keys, 1 due or overdue, 1 rejected');
  });

  it('All keys shows the host’s count of rejected keys, the number the Audit tab shows', () => {
    expect(vaultTree({ ...vault, rejected: 2 }).counts.rejected).toBe(2);
    expect(vaultTree(null).children).toEqual([]);
  });
});
