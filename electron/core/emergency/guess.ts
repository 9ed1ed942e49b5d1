import type { Environment, Instance, VaultDocument } from '../domain/model.js';
import { detectProvider } from '../providers/detect.js';
import { maskKey } from '../providers/key-shape.js';
import type { GuidedStep } from '../providers/profile.js';

export interface ProviderGuess {
  provider: string;
  environment: Environment | null;
  org: string | null;
  guide: GuidedStep;
  /** The key as the provider's dashboard masks it: never the secret. */
  masked: string;
}

/** For a leaked key Keyturn does not hold: whose it looks like, and how to revoke it in that dashboard. */
export function guessRevocation(secret: string, doc: VaultDocument): ProviderGuess | null {
  const detected = detectProvider(secret, doc.customProviders);
  if (!detected) return null;
  const { profile, environment, org } = detected;
  const env = environment ?? 'production';
  const known = doc.instances.find((i) => i.provider === profile.id && (!environment || i.env === environment) && (!org || i.org === org));
  const stand: Instance = { id: '', provider: profile.id, org: org ?? 'your-org', name: environment ?? 'your-instance', env, baseUrl: profile.defaultBaseUrl(env) ?? 'https://localhost', createdAt: new Date(0).toISOString() };
  return { provider: profile.displayName, environment, org, guide: profile.dashboard(known ?? stand).revoke, masked: maskKey(profile, secret) };
}
