import { describe, expect, it } from 'vitest';
import type { Instance, KeyRecord, VaultDocument } from '../../../../electron/core/domain/model.js';
import { emptyVaultDocument } from '../../../../electron/core/domain/model.js';
import { guardEnvironment, readReferencedSecret, resolveReference } from '../../../../electron/core/references/resolve.js';
import { MemorySecretStore } from '../../../support/memory-secret-store.js';
import { problemWith } from '../../../support/problem-match.js';

const at = '2026-01-01T00:00:00.000Z';
const instance = (id: string, env: 'sandbox' | 'production', name: string): Instance => ({ id, provider: 'nora', org: 'acme', name, env, baseUrl: 'https://x', createdAt: at });
const key = (id: string, instanceId: string, name: string, over: Partial<KeyRecord> = {}): KeyRecord => ({
  id,
  instanceId,
  name,
  maskedKey: 'sk_live_ab…',
  fingerprint: 'a'.repeat(64),
  createdAt: at,
  status: 'active',
  targets: [],
  ...over,
});

function doc(): VaultDocument {
  return {
    ...emptyVaultDocument(),
    instances: [instance('i-live', 'production', 'live'), instance('i-test', 'sandbox', 'test')],
    keys: [
      key('k-new', 'i-live', 'backend', { rotatedFrom: 'k-old' }),
      key('k-old', 'i-live', 'backend.previous-20260101-0000', { status: 'previous', replacedBy: 'k-new' }),
      key('k-gone', 'i-live', 'old', { status: 'revoked' }),
      key('k-next', 'i-live', 'backend.next', { status: 'pending', rotatedFrom: 'k-new' }),
      key('k-sandbox', 'i-test', 'backend'),
    ],
  };
}

const use = { variable: 'NORA_API_KEY', source: 'file' as const, file: '/app/.env', line: 3 };

describe('resolving a reference', () => {
  it('by name finds the key that holds the name now; by id, that key alone', () => {
    expect(resolveReference(doc(), 'keyturn://nora/acme/live/backend').record.id).toBe('k-new');
    expect(resolveReference(doc(), 'keyturn://id/k-sandbox').ref).toBe('nora/acme/test/backend');
  });

  it('forbids handing out a key that is not active, naming where it was used and, for a rotated key, the ref that follows rotations', () => {
    expect(() => resolveReference(doc(), 'keyturn://id/k-old', use)).toThrow(problemWith('reference.key-unusable', { status: 'previous', replacedBy: 'nora/acme/live/backend', ...use }));
    expect(() => resolveReference(doc(), 'keyturn://nora/acme/live/old', use)).toThrow(problemWith('reference.key-unusable', { status: 'revoked' }));
    expect(() => resolveReference(doc(), 'keyturn://id/k-next', use)).toThrow(problemWith('reference.key-unusable', { status: 'pending' }));
  });

  it('says which part names nothing, with the variable and file line', () => {
    expect(() => resolveReference(doc(), 'keyturn://nora/acme/nowhere/backend', use)).toThrow(problemWith('reference.key-missing', { missing: 'instance', ...use }));
    expect(() => resolveReference(doc(), 'keyturn://nora/acme/live/frontend', use)).toThrow(problemWith('reference.key-missing', { missing: 'key', ...use }));
    expect(() => resolveReference(doc(), 'keyturn://id/another-vaults-key', use)).toThrow(problemWith('reference.key-missing', { missing: 'id', ...use }));
    expect(() => resolveReference(doc(), 'keyturn://nora/acme', use)).toThrow(problemWith('reference.malformed', use));
  });

  it('the environment guard forbids a production key where sandbox was declared, and the reverse', () => {
    const live = resolveReference(doc(), 'keyturn://nora/acme/live/backend');
    const sandbox = resolveReference(doc(), 'keyturn://nora/acme/test/backend');
    expect(() => guardEnvironment(live, { environment: 'sandbox', by: 'option' }, use)).toThrow(
      problemWith('reference.environment-mismatch', { keyEnvironment: 'production', declared: 'sandbox', declaredBy: 'option', ...use }),
    );
    expect(() => guardEnvironment(sandbox, { environment: 'production', by: 'file', file: '/app/.env', line: 1 }, use)).toThrow(
      problemWith('reference.environment-mismatch', { keyEnvironment: 'sandbox', declaredBy: 'file', declarationFile: '/app/.env', declarationLine: 1 }),
    );
    expect(() => guardEnvironment(live, { environment: 'production', by: 'option' })).not.toThrow();
    expect(() => guardEnvironment(live, null)).not.toThrow();
  });

  it('a locked keychain is a failure naming the variable, never "the secret is missing"', async () => {
    const secrets = new MemorySecretStore();
    const resolved = resolveReference(doc(), 'keyturn://nora/acme/live/backend');
    await expect(readReferencedSecret(secrets, 'svc', resolved, use)).rejects.toThrow(problemWith('reference.secret-unreadable', { reason: 'secret-missing', ...use }));
    await secrets.set('svc', 'k-new', 'sk_live_secret');
    await expect(readReferencedSecret(secrets, 'svc', resolved, use)).resolves.toBe('sk_live_secret');
    secrets.lock();
    await expect(readReferencedSecret(secrets, 'svc', resolved, use)).rejects.toThrow(problemWith('reference.secret-unreadable', { reason: 'locked', keyRef: 'nora/acme/live/backend' }));
  });
});
