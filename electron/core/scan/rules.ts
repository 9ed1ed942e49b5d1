import type { CustomProvider } from '../domain/model.js';
import { customProfile } from '../providers/custom/profile.js';
import type { ProviderProfile } from '../providers/profile.js';
import { builtinProfiles } from '../providers/registry.js';

/**
 * The one set of detection rules: each provider profile's own `keyPattern` (the four built-ins and
 * every user-defined provider that says what its keys look like). Nothing here repeats a prefix or
 * a length: a rule only finds candidates, and the profile's checkKey decides (detectProvider).
 */
export interface DetectionRules {
  profiles: readonly ProviderProfile[];
  /**
   * Every rule in one expression (global, so it is used with lastIndex): a candidate starts where
   * no key character stands before it, and ends where none follows (the longest run wins).
   */
  pattern: RegExp | null;
}

/** The characters a token of any built-in provider is made of: a candidate never starts or ends inside such a run. */
export const TOKEN_CHARACTER = '[A-Za-z0-9_-]';

export function detectionRules(customProviders: readonly CustomProvider[]): DetectionRules {
  const described = customProviders.filter((c) => Boolean(c.keyPrefix) || Boolean(c.keyPattern)).map(customProfile);
  const profiles = [...builtinProfiles, ...described];
  const sources = profiles.map((p) => p.keyPattern).filter((s) => s !== '' && isUsable(s));
  if (sources.length === 0) return { profiles, pattern: null };
  const pattern = new RegExp(`(?<!${TOKEN_CHARACTER})(?:${sources.map((s) => `(?:${s})`).join('|')})(?!${TOKEN_CHARACTER})`, 'g');
  return { profiles, pattern };
}

/** A user's pattern that does not compile is no rule (checkKey refuses nothing it cannot read either). */
function isUsable(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
