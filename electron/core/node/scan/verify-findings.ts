import pLimit from 'p-limit';
import type { Instance, KeyRecord, VaultDocument } from '../../domain/model.js';
import type { HttpClient } from '../../http/types.js';
import type { Clock } from '../../ports/clock.js';
import { resolveProfileOrNull } from '../../providers/registry.js';
import type { Finding } from '../../scan/finding.js';
import { verifyKey } from '../../verify/verify-key.js';
import { instanceRef } from '../../vault/refs.js';

/**
 * Whether a found key works now (`--verify`), asked of its provider with the string found (never
 * the keychain): valid (the verify call's 2xx), rejected or revoked (its 401), or unknown (anything
 * else, or no instance to ask through), with why.
 */
export interface FindingCheck {
  result: 'valid' | 'rejected' | 'revoked' | 'unknown';
  reason: string;
  /** The instance it was checked through, or null when there was none to ask. */
  instanceRef: string | null;
}

/**
 * Keys checked at once. Each check is one verify call, and the HTTP client already caps each host,
 * retries and times out; this bounds how many secrets are in flight for a scan of many keys.
 */
const CHECKS_AT_ONCE = 4;

/**
 * One check per distinct key (by fingerprint), through the instance it belongs to: a vault key's
 * own; an unknown key's the one instance of its provider that fits it (its environment and
 * organization where the key says them, as an import chooses). No fitting instance, or several:
 * not checked (a key is never sent to an instance it may not belong to, nor to another provider's).
 */
export async function verifyFindings(deps: { http: HttpClient; clock: Clock; doc: VaultDocument }, findings: readonly Finding[]): Promise<Map<string, FindingCheck>> {
  const { http, clock, doc } = deps;
  const distinct = new Map<string, Finding>();
  for (const f of findings) if (!distinct.has(f.fingerprint)) distinct.set(f.fingerprint, f);
  const slot = pLimit(CHECKS_AT_ONCE);
  const checks = await Promise.all(
    [...distinct.values()].map((f) =>
      slot(async (): Promise<[string, FindingCheck]> => {
        const record = vaultRecordOf(doc, f);
        const through = record ? ownInstance(doc, record) : fittingInstance(doc, f);
        if ('reason' in through) return [f.fingerprint, { result: 'unknown', reason: through.reason, instanceRef: null }];
        const { instance } = through;
        const profile = resolveProfileOrNull(instance.provider, doc.customProviders);
        if (!profile) return [f.fingerprint, { result: 'unknown', reason: `the provider ${instance.provider} is no longer described in this vault`, instanceRef: instanceRef(instance) }];
        const verification = await verifyKey(http, profile, instance, f.secret, clock);
        const ref = instanceRef(instance);
        if (verification.result === 'valid' || verification.result === 'limited') return [f.fingerprint, { result: 'valid', reason: verification.reason, instanceRef: ref }];
        if (verification.result === 'rejected') {
          const revoked = verification.revoked || record?.status === 'revoked';
          return [f.fingerprint, { result: revoked ? 'revoked' : 'rejected', reason: verification.reason, instanceRef: ref }];
        }
        return [f.fingerprint, { result: 'unknown', reason: verification.reason, instanceRef: ref }];
      }),
    ),
  );
  return new Map(checks);
}

/** The vault key a finding is: by its match, else by fingerprint (the vault may have changed since the scan). */
function vaultRecordOf(doc: VaultDocument, f: Finding): KeyRecord | undefined {
  return (f.match ? doc.keys.find((k) => k.id === f.match?.keyId) : undefined) ?? doc.keys.find((k) => k.fingerprint === f.fingerprint);
}

function ownInstance(doc: VaultDocument, record: KeyRecord): { instance: Instance } | { reason: string } {
  const instance = doc.instances.find((i) => i.id === record.instanceId);
  return instance ? { instance } : { reason: 'its instance is no longer in this vault' };
}

/** The one instance an unknown key can be checked through (see planImport's fit). */
function fittingInstance(doc: VaultDocument, f: Finding): { instance: Instance } | { reason: string } {
  if (f.providerId === null) return { reason: 'its provider is not known, so there is nowhere to check it' };
  const fits = doc.instances.filter((i) => i.provider === f.providerId && (!f.environment || i.env === f.environment) && (!f.org || i.org === f.org));
  const only = fits.length === 1 ? fits[0] : undefined;
  if (only) return { instance: only };
  if (fits.length > 1) return { reason: `${fits.length} instances of ${f.providerId} fit it (${fits.map(instanceRef).join(', ')}): it was sent to none` };
  // Instances of the provider that do not fit: say what the key needs (a live key is never sent to a sandbox).
  const needs = [f.environment, f.org ? `org ${f.org}` : null].filter((n) => n !== null);
  const ofProvider = doc.instances.some((i) => i.provider === f.providerId);
  return { reason: `no instance of ${f.providerId}${ofProvider && needs.length > 0 ? ` (${needs.join(', ')})` : ''} to check it against` };
}
