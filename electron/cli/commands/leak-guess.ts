import type { ProviderGuess } from '../../core/emergency/guess.js';
import type { LeakCandidate } from '../../core/emergency/leak-candidates.js';

/** For a leaked key Keyturn does not hold: whose it looks like, and how to revoke it there. */
export function describeGuess(guess: ProviderGuess): string {
  return [
    `this key is not in the vault, but it looks like a ${guess.provider} key${guess.environment ? ` (${guess.environment})` : ''}${guess.org ? ` of ${guess.org}` : ''}.`,
    `revoke it in the dashboard: ${guess.guide.url}`,
    ...guess.guide.steps.map((s, i) => `  ${i + 1}. ${s}`),
    '',
  ].join('\n');
}

/** The keys found in a paste, numbered for `--pick`: masked, with the stored key or the provider they look like. */
export function listCandidates(candidates: readonly LeakCandidate[]): string {
  return candidates
    .map((c, i) => {
      const what = c.match
        ? `${c.match.ref} (${c.masked}), ${c.match.instance.env.toUpperCase()}${c.match.record.status === 'active' ? '' : `, ${c.match.record.status}`}`
        : `not in the vault: looks like a ${c.guess?.provider ?? 'provider'} key${c.guess?.environment ? ` (${c.guess.environment})` : ''} (${c.masked})`;
      return `  ${i + 1}. ${what} — line ${c.line}\n`;
    })
    .join('');
}
