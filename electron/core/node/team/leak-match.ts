import type { StoredTeamKey } from '../../team/team-audit.js';
import type { TeamLeakMatch } from '../../team/team-service.js';

/** A stored key as a leak look-up shows it: whose, where used, and whether the holder is this vault. */
export function leakMatchOf(stored: StoredTeamKey, vaultId: string): TeamLeakMatch {
  return {
    member: stored.member,
    machine: stored.machine,
    vaultId: stored.vaultId,
    mine: stored.vaultId === vaultId,
    keyId: stored.keyId,
    ref: stored.ref,
    provider: stored.provider,
    org: stored.org,
    instance: stored.instance,
    env: stored.env,
    maskedKey: stored.maskedKey,
    status: stored.status,
    usageSites: stored.usageSites,
    syncedAt: stored.syncedAt,
  };
}
