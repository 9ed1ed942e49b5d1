import { expect, it } from 'vitest';
import { KeychainLockedError, KeychainUnavailableError } from '../../../electron/core/ports/secret-store.js';
import { MemorySecretStore } from '../../support/memory-secret-store.js';

it('the in-memory secret store keeps the port contract: null and false only for "none", the port errors when it cannot answer', async () => {
  const store = new MemorySecretStore();
  expect(await store.get('keyturn:a', 'k1')).toBeNull();
  expect(await store.delete('keyturn:a', 'k1')).toBe(false);
  await store.set('keyturn:a', 'k1', 's1');
  expect(await store.get('keyturn:a', 'k1')).toBe('s1');
  expect(await store.get('keyturn:b', 'k1')).toBeNull();
  expect(await store.readMany('keyturn:a', ['k1', 'k2'])).toEqual(new Map([['k1', 's1'], ['k2', null]]));
  store.lock();
  await expect(store.get('keyturn:a', 'k1')).rejects.toBeInstanceOf(KeychainLockedError);
  await expect(store.delete('keyturn:a', 'k1')).rejects.toBeInstanceOf(KeychainLockedError);
  store.makeUnavailable();
  await expect(store.set('keyturn:a', 'k2', 's2')).rejects.toBeInstanceOf(KeychainUnavailableError);
  store.unlock();
  expect(await store.delete('keyturn:a', 'k1')).toBe(true);
  expect(store.entries('keyturn:a')).toEqual({});
});
