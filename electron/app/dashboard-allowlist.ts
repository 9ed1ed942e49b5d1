import type { Instance, VaultDocument } from '../core/domain/model.js';
import { builtinProfiles, resolveProfile } from '../core/providers/registry.js';

const ENVIRONMENTS = ['sandbox', 'production'] as const;

const webUrl = (url: string): URL | null => {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  return parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:') ? parsed : null;
};

/**
 * Whether a dashboard the vault names may be opened: any https page, but plain http (only ever on
 * this machine: the vault takes no other) only on the origin of the instance's own API. Keyturn
 * already sends that instance's keys there, so the person trusts it; any other loopback origin is
 * something no key goes to, named only by whoever wrote the vault, and opening it would let a
 * page reach whatever listens on this machine.
 */
function trustedDashboard(instance: Instance, url: string): string | null {
  const parsed = webUrl(url);
  if (!parsed) return null;
  if (parsed.protocol === 'https:') return parsed.origin;
  return webUrl(instance.baseUrl)?.origin === parsed.origin ? parsed.origin : null;
}

/**
 * The origins of every provider dashboard Keyturn may send a person to: each instance's own
 * dashboard (custom providers and self-hosted Nexora included) and each built-in provider's public one.
 */
function dashboardOrigins(doc: VaultDocument): Set<string> {
  const origins = new Set<string>();
  for (const instance of doc.instances) {
    const guide = resolveProfile(instance.provider, doc.customProviders).dashboard(instance);
    for (const url of [guide.create.url, guide.revoke.url]) {
      const origin = trustedDashboard(instance, url);
      if (origin) origins.add(origin);
    }
  }
  for (const profile of builtinProfiles) {
    for (const env of ENVIRONMENTS) {
      const baseUrl = profile.defaultBaseUrl(env);
      if (baseUrl === null) continue;
      const stand: Instance = { id: '', provider: profile.id, org: 'any', name: env, env, baseUrl, createdAt: new Date(0).toISOString() };
      const origin = webUrl(profile.dashboard(stand).revoke.url)?.origin;
      if (origin) origins.add(origin);
    }
  }
  return origins;
}

/** Whether `shell.openExternal` may open this URL: a web page on a known dashboard's origin, nothing else. */
export function isDashboardUrl(doc: VaultDocument, url: string): boolean {
  const parsed = webUrl(url);
  if (!parsed || parsed.username !== '' || parsed.password !== '') return false;
  return dashboardOrigins(doc).has(parsed.origin);
}
