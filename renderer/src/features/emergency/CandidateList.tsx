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

/** The keys of a paste that holds several, to choose the one to revoke (arrow keys move, as in any radio group). */
export function CandidateList(props: { candidates: LeakCandidateView[]; chosen: number | null; onChoose: (index: number) => void; disabled: boolean; teamHolders?: (c: LeakCandidateView) => string[] }) {
  return (
    <fieldset className="candidates" data-testid="leak-candidates">
      <legend>The pasted text holds {props.candidates.length} keys: choose the one to revoke</legend>
      {props.candidates.map((c, i) => (
        <label key={`${c.line}-${c.masked}-${i}`} className="check">
          <input type="radio" name="leak-candidate" checked={props.chosen === i} onChange={() => props.onChoose(i)} disabled={props.disabled} />
          <span className="mono">{candidateLabel(c, props.teamHolders?.(c))}</span>
        </label>
      ))}
    </fieldset>
  );
}
