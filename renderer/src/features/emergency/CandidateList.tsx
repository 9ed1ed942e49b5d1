import type { LeakCandidateView } from '../../../../electron/contract/views.js';
import { candidateLabel } from './candidate-label.js';

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
