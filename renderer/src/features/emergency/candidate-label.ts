import type { LeakCandidateView } from '../../../../electron/contract/views.js';

/** How one key found in the paste is named in the list: masked, never the secret; one the team holds names its holders. */
export function candidateLabel(c: LeakCandidateView, teamHolders: readonly string[] = []): string {
  const what = c.match
    ? `${c.match.ref} (${c.masked}), ${c.match.key.env.toUpperCase()}${c.match.key.status === 'active' ? '' : `, ${c.match.key.status}`}`
    : teamHolders.length > 0
      ? `Not in the vault: ${teamHolders.join(' and ')}’s key in the team (${c.masked})`
      : `Not in the vault: looks like a ${c.guess?.provider ?? 'provider'} key${c.guess?.environment ? ` (${c.guess.environment})` : ''} (${c.masked})`;
  return `${what} — line ${c.line}`;
}
