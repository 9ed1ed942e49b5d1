import type { CustomProvider, Environment, KeyStatus, VaultDocument } from '../domain/model.js';
import { resolveProfileOrNull } from '../providers/registry.js';
import { keyRef } from '../vault/refs.js';
import { REFERENCE_SCHEME } from '../references/reference.js';
import { anyOf, detectionRules, type DetectionRules } from './rules.js';
import { escapeRegExp } from '../text/escape-reg-exp.js';

/** The vault key a found string is (by fingerprint): what a finding names instead of the secret. */
export interface VaultMatch {
  keyId: string;
  ref: string;
  environment: Environment;
  status: KeyStatus;
  maskedKey: string;
}

/**
 * Everything a scan matches text against, as plain data (it crosses into the scanner's worker
 * threads): the user-defined providers (their rules) and, per vault key, its fingerprint and
 * match. `head`: the first characters of a key that no rule can find (a user-defined provider
 * that said nothing of its keys' shape), looked for literally; null for every other key.
 */
export interface MatcherInput {
  customProviders: CustomProvider[];
  vaultKeys: { fingerprint: string; head: string | null; match: VaultMatch }[];
}

/** A MatcherInput made ready to match: the compiled rules, the fingerprints and the literal heads. */
export interface KeyMatcher {
  rules: DetectionRules;
  customProviders: readonly CustomProvider[];
  byFingerprint: ReadonlyMap<string, VaultMatch>;
  /** Literal heads of keys no rule finds (longest first), and one expression finding any of them. */
  heads: readonly string[];
  headPattern: RegExp | null;
  /** What a tree scan's first pass looks for (see FirstPass). */
  firstPass: FirstPass;
}

/**
 * What finds something in every text that findKeysInText or a reference finder finds something
 * in, and in little else, as plain data (for the scanner's threads): a text it finds nothing in
 * holds no key and no reference, and a tree scan reads it no further. `pattern`: the source of an
 * expression (no flags): every rule without its boundaries, every head, the reference scheme.
 * (One expression over the text is as fast as a byte search for the rules' literal prefixes, and
 * finds fewer texts: `sk_` is in every `task_id`.)
 */
export interface FirstPass {
  pattern: string;
}

/** The matcher input of a vault: metadata only, the keychain is never read. */
export function matcherInputOf(doc: VaultDocument): MatcherInput {
  const instances = new Map(doc.instances.map((i) => [i.id, i]));
  const vaultKeys: MatcherInput['vaultKeys'] = [];
  for (const key of doc.keys) {
    const instance = instances.get(key.instanceId);
    if (!instance) continue;
    const profile = resolveProfileOrNull(instance.provider, doc.customProviders);
    const head = profile?.keyPattern ? null : key.maskedKey.replace(/…$/, '');
    vaultKeys.push({
      fingerprint: key.fingerprint,
      head: head === null || head.length === 0 ? null : head,
      match: { keyId: key.id, ref: keyRef(instance, key), environment: instance.env, status: key.status, maskedKey: key.maskedKey },
    });
  }
  return { customProviders: [...doc.customProviders], vaultKeys };
}

export function keyMatcher(input: MatcherInput): KeyMatcher {
  const byFingerprint = new Map(input.vaultKeys.map((k) => [k.fingerprint, k.match]));
  const heads = [...new Set(input.vaultKeys.flatMap((k) => (k.head ? [k.head] : [])))].sort((a, b) => b.length - a.length);
  const headPattern = heads.length > 0 ? new RegExp(heads.map(escapeRegExp).join('|'), 'g') : null;
  const rules = detectionRules(input.customProviders);
  const firstPass: FirstPass = { pattern: anyOf([...rules.sources, ...heads.map(escapeRegExp), escapeRegExp(REFERENCE_SCHEME)]) };
  return { rules, customProviders: input.customProviders, byFingerprint, heads, headPattern, firstPass };
}
