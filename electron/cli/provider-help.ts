import { BUILTIN_PROVIDERS } from '../core/domain/model.js';
import type { ProviderProfile } from '../core/providers/profile.js';
import { builtinProfiles } from '../core/providers/registry.js';

/**
 * The words of the CLI's help that depend on which provider does what, read from the profiles
 * so that a provider added to the registry shows up in them without a sentence to edit.
 */

/** The display names of the built-in providers that have something, "A and B" / "A, B and C". */
function namesOf(has: (profile: ProviderProfile) => boolean): string {
  const names = builtinProfiles.filter(has).map((p) => p.displayName);
  return names.length <= 1 ? (names[0] ?? 'no provider') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

export const providerHelp = {
  /** `instance add <provider>`. */
  choices: `${BUILTIN_PROVIDERS.join(', ')}, or a provider you defined`,
  /** `instance add <org>`: what an organization is where it is more than a name. */
  org: (() => {
    const meanings = builtinProfiles.filter((p) => p.orgMeaning !== null).map((p) => `for ${p.displayName}: ${p.orgMeaning ?? ''}`);
    return meanings.length > 0 ? `organization (${meanings.join('; ')})` : 'organization';
  })(),
  /** `instance add --project-id`. */
  projectId: `${namesOf((p) => p.requires.projectId)} project id (proj_...)`,
  /** `instance set`: the providers whose verify path an instance may set. */
  verifyPathSetting: `${namesOf((p) => p.verifyPathSetting)}, providers you describe`,
  /** `rotate --in-place`. */
  inPlace: `${namesOf((p) => p.capabilities.rotateInPlace)} only`,
  /** `rotate --remote-id`, `revoke --remote-id`: the providers that list keys by API. */
  remoteId: namesOf((p) => p.capabilities.list === 'api'),
};
