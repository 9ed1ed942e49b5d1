import type { KeyRecord } from '../domain/model.js';
import type { KeyManagementApi } from '../providers/key-api.js';

/**
 * A key's id at the provider: stored when Keyturn created it, else found in the provider's list by
 * its visible prefix when exactly one listed key starts that way.
 */
export async function remoteIdForKey(api: KeyManagementApi, auth: string, record: KeyRecord, secret: string): Promise<string | null> {
  if (record.remoteId) return record.remoteId;
  const listed = await api.list(auth);
  const matches = listed.filter((k) => k.prefix && secret.startsWith(k.prefix.replace(/…$/, '')));
  return matches.length === 1 ? (matches[0]?.id ?? null) : null;
}
