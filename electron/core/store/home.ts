import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { z } from 'zod';

/** The vault home: `--home`, else KEYTURN_HOME, else the OS's per-user app-data folder. */
export function resolveHome(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  if (env.KEYTURN_HOME) return env.KEYTURN_HOME;
  return envPaths('keyturn', { suffix: '' }).data;
}

const identitySchema = z.object({ vaultId: z.string().regex(/^[0-9a-f]{32}$/), createdAt: z.string() });

/**
 * The vault's random id, made once with the home. It names the keychain service, so two homes
 * never see each other's secrets. Kept apart from the metadata file so a corrupt metadata file
 * never loses the way to the secrets.
 */
export function ensureVaultIdentity(home: string): string {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const file = join(home, 'vault-id.json');
  const identity = { vaultId: randomBytes(16).toString('hex'), createdAt: new Date().toISOString() };
  try {
    // 'wx': two processes creating the same home at once agree on whichever id landed first.
    writeFileSync(file, `${JSON.stringify(identity)}\n`, { flag: 'wx', mode: 0o600 });
    return identity.vaultId;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const parsed = identitySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${file} is damaged: it must hold the vault id that names this vault's keychain entries; restore it from a backup`);
  }
  return parsed.data.vaultId;
}

export function keychainServiceFor(vaultId: string): string {
  return `keyturn:${vaultId}`;
}
