import type { Instance, VaultDocument } from '../core/domain/model.js';
import { builtinProfiles, resolveProfile } from '../core/providers/registry.js';

const ENVIRONMENTS = ['sandbox', 'production'] as const;

/**
 * The origins of every provider dashboard Keyturn may send a person to: each instance's own
 * dashboard (custom providers and self-hosted Nexora included) and each built-in provider's public one.
 */
function dashboardOrigins(doc: VaultDocument): Set<string> {
  const urls: string[] = [];
  for (const instance of doc.instances) {
    const guide = resolveProfile(instance.provider, doc.customProviders).dashboard(instance);
    urls.push(guide.create.url, guide.revoke.url);
  }
  for (const profile of builtinProfiles) {
    for (const env of ENVIRONMENTS) {
      const baseUrl = profile.defaultBaseUrl(env);
      if (baseUrl === null) continue;
      const stand: Instance = { id: '', provider: profile.id, org: 'any', name: env, env, baseUrl, createdAt: new Date(0).toISOString() };
      urls.push(profile.dashboard(stand).revoke.url);
    }
  }
  const origins = new Set<string>();
  for (const url of urls) {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    if (parsed && (parsed.protocol === 'https:' || parsed.protocol === 'http:')) origins.add(parsed.origin);
  }
  return origins;
}

/** Whether `shell.openExternal` may open this URL: a web page on a known dashboard's origin, nothing else. */
export function isDashboardUrl(doc: VaultDocument, url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return dashboardOrigins(doc).has(parsed.origin);
}
