import keytar from 'keytar';
import { KeytarSecretStore } from '../../electron/core/node/keychain/keytar-secret-store.js';

/**
 * Keychain tests run only inside the private D-Bus session that `npm test` starts
 * (scripts/with-keyring.mjs), so they can never touch the user's own keyring.
 */
export function privateKeychain(): KeytarSecretStore {
  if (process.env.KEYTURN_PRIVATE_KEYRING !== '1') {
    throw new Error('keychain tests need the private test keyring: run them through "npm test" (or node scripts/with-keyring.mjs -- npx vitest run)');
  }
  return new KeytarSecretStore();
}

export async function keychainEntries(service: string): Promise<Record<string, string>> {
  privateKeychain();
  return Object.fromEntries((await keytar.findCredentials(service)).map((c) => [c.account, c.password]));
}
