import { fingerprintOf } from '../../core/crypto/fingerprint.js';
import type { Instance, VaultDocument } from '../../core/domain/model.js';
import { findLeakCandidates, type LeakCandidate } from '../../core/emergency/leak-candidates.js';
import { keyShapedStrings } from '../../core/emergency/leaked-input.js';
import type { GuidedStep } from '../../core/providers/profile.js';
import { resolveProfileOrNull } from '../../core/providers/registry.js';
import { looksIssued } from '../../core/scan/placeholder.js';
import type { TeamLeakMatch, TeamService } from '../../core/team/team-service.js';
import { EXIT } from '../io.js';
import { siteText } from './team-format.js';

/**
 * The other strings of a paste looked up when none of its provider-shaped ones is the team's (a
 * teammate's own provider): the ones that could be a key (long, one word of key characters, letters
 * and digits), at most this many, since each is a query.
 */
const SHORTEST_KEY = 16;
const MOST_OTHER_LOOKUPS = 64;
const KEY_CHARACTERS = /^[A-Za-z0-9_\-+/=.~]+$/;
/** Look-ups in flight at once (each may be a connection of its own). */
const LOOKUPS_AT_ONCE = 8;

/**
 * Only what looks issued (as random as a key, little filler: the scan's own test) is hashed and
 * sent: a person's password in a pasted log line (`Summer2026Password!`) must not reach the team
 * database even as an unsalted SHA-256, which a guess list could undo.
 */
function couldBeKey(value: string): boolean {
  return value.length >= SHORTEST_KEY && KEY_CHARACTERS.test(value) && /[A-Za-z]/.test(value) && /[0-9]/.test(value) && looksIssued(value);
}

/** Each fingerprint's keys in the team, asked a few at a time. */
async function findAll(team: TeamService, fingerprints: readonly string[], found: Map<string, TeamLeakMatch[]>): Promise<void> {
  const asked = fingerprints.filter((f) => !found.has(f));
  for (let i = 0; i < asked.length; i += LOOKUPS_AT_ONCE) {
    const batch = asked.slice(i, i + LOOKUPS_AT_ONCE);
    const answers = await Promise.all(batch.map((fingerprint) => team.find(fingerprint)));
    batch.forEach((fingerprint, j) => found.set(fingerprint, answers[j] ?? []));
  }
}

/** What the team knows of a pasted text: its keys the team holds, this vault's own, and the ones that only look like a provider's. */
export interface TeamLeakLookup {
  /** Keys of the team (this vault's included, `mine`), in the order the paste holds them. */
  matches: TeamLeakMatch[];
  /** Keys this vault holds that the team does not know yet (not delivered): this vault's own `revoke --leaked` applies. */
  ownNotDelivered: LeakCandidate[];
  /** Strings that are no one's key in the team but look like a provider's: where to revoke them. */
  guesses: LeakCandidate[];
}

/**
 * Looks up every key-shaped string of a pasted text (a log excerpt, a curl line: the same reading
 * as `keyturn revoke --leaked`) in the team inventory, by SHA-256 fingerprint, as the vault
 * computes it. The strings themselves never leave this process: only their fingerprints are sent.
 */
export async function lookUpLeaked(team: TeamService, doc: VaultDocument, pasted: string): Promise<TeamLeakLookup> {
  // Checks the size and the emptiness of the paste first, as revoke does, and finds this vault's own keys and the guesses.
  const candidates = findLeakCandidates(doc, pasted);
  // The provider-shaped strings and this vault's own keys first; the rest of the paste only when none of those is the team's.
  const likely = [...new Set(candidates.map((c) => fingerprintOf(c.secret)))];
  const found = new Map<string, TeamLeakMatch[]>();
  await findAll(team, likely, found);
  if (![...found.values()].some((m) => m.length > 0)) {
    const others = [...new Set(keyShapedStrings(pasted).filter((s) => couldBeKey(s.value)).map((s) => fingerprintOf(s.value)))];
    await findAll(team, others.slice(0, MOST_OTHER_LOOKUPS), found);
  }
  const fingerprints = [...found.keys()];
  const matches: TeamLeakMatch[] = [];
  const seen = new Set<string>();
  for (const fingerprint of fingerprints) {
    for (const match of found.get(fingerprint) ?? []) {
      const id = `${match.vaultId}/${match.keyId}`;
      if (seen.has(id)) continue;
      seen.add(id);
      matches.push(match);
    }
  }
  const mineInTeam = new Set(matches.filter((m) => m.mine).map((m) => m.keyId));
  const inTeam = (c: LeakCandidate) => (found.get(fingerprintOf(c.secret)) ?? []).length > 0;
  return {
    matches,
    ownNotDelivered: candidates.filter((c) => c.match !== null && !mineInTeam.has(c.match.record.id)),
    guesses: candidates.filter((c) => c.match === null && c.guess !== null && !inTeam(c)),
  };
}

/** The exit code of a look-up: 0 when the paste holds a key of the team (or this vault's own), 1 when it holds none. */
export function lookupExitCode(lookup: TeamLeakLookup): number {
  return lookup.matches.length > 0 || lookup.ownNotDelivered.length > 0 ? EXIT.ok : EXIT.verificationFailed;
}

/**
 * Where and how to revoke a key of this provider: its dashboard's steps, for this vault's instance
 * of the same name when it has one, else as for a key Keyturn does not hold. Null for a provider
 * this vault does not describe (a teammate's own provider definition).
 */
function revocationGuide(match: TeamLeakMatch, doc: VaultDocument): GuidedStep | null {
  const profile = resolveProfileOrNull(match.provider, doc.customProviders);
  if (!profile) return null;
  const known = doc.instances.find((i) => i.provider === profile.id && i.org === match.org && i.name === match.instance);
  const stand: Instance = { id: '', provider: profile.id, org: match.org, name: match.instance, env: match.env, baseUrl: profile.defaultBaseUrl(match.env) ?? 'https://localhost', createdAt: new Date(0).toISOString() };
  return profile.dashboard(known ?? stand).revoke;
}

function guideText(guide: GuidedStep): string {
  return [`revoke it in the dashboard: ${guide.url}`, ...guide.steps.map((s, i) => `  ${i + 1}. ${s}`)].join('\n');
}

function matchText(match: TeamLeakMatch, team: string | null, doc: VaultDocument): string {
  const guide = revocationGuide(match, doc);
  const status = match.status === 'active' ? '' : `, ${match.status}`;
  const lines = [
    `leaked key found in ${team ? `team "${team}"` : 'the team'}: ${match.ref} (${match.maskedKey}), ${match.env.toUpperCase()}${status}`,
    `held by: ${match.mine ? `you (${match.member}, this vault)` : match.member} on machine ${match.machine} (as of ${match.syncedAt})`,
    match.usageSites.length > 0 ? `used in:\n${match.usageSites.map((s) => `  - ${siteText(s)}`).join('\n')}` : 'no usage sites recorded for it',
    guide ? guideText(guide) : `its provider (${match.provider}) is not described in this vault: ask ${match.member} how to revoke it`,
    match.mine
      ? 'it is your own key: run "keyturn revoke --leaked" with the same text to revoke it and prove it dead'
      : `tell ${match.member}: they can revoke it and prove it dead with "keyturn revoke --leaked" on ${match.machine}, then rotate what uses it`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The look-up for people: each key with its holder, machine, usage sites and how to revoke it. */
export function lookupText(lookup: TeamLeakLookup, team: string | null, doc: VaultDocument): string {
  const parts = lookup.matches.map((m) => matchText(m, team, doc));
  for (const own of lookup.ownNotDelivered) {
    const match = own.match;
    if (!match) continue;
    parts.push(`leaked key found in this vault (not delivered to the team yet): ${match.ref} (${own.masked}), ${match.instance.env.toUpperCase()}\nit is your own key: run "keyturn revoke --leaked" with the same text to revoke it and prove it dead\n`);
  }
  for (const { guess } of lookup.guesses) {
    if (!guess) continue;
    parts.push(`${[`this key is no key of the team, but it looks like a ${guess.provider} key${guess.environment ? ` (${guess.environment})` : ''}${guess.org ? ` of ${guess.org}` : ''}.`, guideText(guess.guide)].join('\n')}\n`);
  }
  if (parts.length === 0) parts.push('this key matches no key of the team and no known provider: revoke it where it was issued\n');
  return parts.join('\n');
}
