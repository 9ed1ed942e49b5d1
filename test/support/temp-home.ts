import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';
import { keychainServiceFor } from '../../electron/core/node/store/home.js';
import type { MemorySecretStore } from './memory-secret-store.js';
import { keychainEntries } from './private-keychain.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh vault home, removed after the test. */
export function tempHome(): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyturn-home-'));
  made.push(dir);
  return dir;
}

/** Every file under a folder with its bytes (the lock is transient and left out). */
export function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (name === 'vault.lock') continue;
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

export function vaultIdOf(home: string): string {
  return (JSON.parse(readFileSync(join(home, 'vault-id.json'), 'utf8')) as { vaultId: string }).vaultId;
}

/** The home's files and its keychain entries (the private test keychain's, or `inMemory`'s): what "nothing changed" compares. */
export async function vaultState(home: string, inMemory?: MemorySecretStore): Promise<{ files: Record<string, string>; keychain: Record<string, string> }> {
  const files = filesUnder(home);
  if (!files['vault-id.json']) return { files, keychain: {} };
  const service = keychainServiceFor(vaultIdOf(home));
  return { files, keychain: inMemory ? inMemory.entries(service) : await keychainEntries(service) };
}
