import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import type { RotationQuestion } from '../../../../electron/contract/views.js';

type ChooseQuestion = Extract<RotationQuestion, { kind: 'choose-remote-key' }>;

function when(iso: string | null, never: string): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : never;
}

/**
 * The provider lists several keys that could be the old one: the person picks it by name and dates
 * (arrow keys move, Space selects, as any radio group), or leaves it to the dashboard.
 */
export function RemoteKeyChoice({ question, onAnswer }: { question: ChooseQuestion; onAnswer: (remoteId: string | null) => void }) {
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <form
      className="form remote-key-choice"
      onSubmit={(e) => {
        e.preventDefault();
        if (picked) onAnswer(picked);
      }}
    >
      <h3>Which of these is the old key?</h3>
      <p>
        {question.provider} lists {question.candidates.length} keys that could be {question.maskedKey} and does not say which. Pick the one to revoke by its name and dates there.
      </p>
      <RadioGroup value={picked} onChange={setPicked} aria-describedby="remote-key-choice-hint" className="remote-key-list">
        <Label>Keys at {question.provider}</Label>
        {question.candidates.map((c, i) => (
          // The first takes the focus (not the choice): the list scrolls into view, ready for the arrow keys.
          <Radio key={c.id} value={c.id} className="remote-key" data-testid={`remote-key-${c.id}`} autoFocus={i === 0}>
            <strong>{c.name}</strong>
            <span className="muted">
              created {when(c.createdAt, 'unknown')} · last used {when(c.lastUsedAt, 'never')}
            </span>
            <code className="muted">{c.id}</code>
          </Radio>
        ))}
      </RadioGroup>
      <p id="remote-key-choice-hint" className="muted">
        Not sure? Revoke it in the dashboard instead: Keyturn waits until the old key is rejected.
      </p>
      <div className="actions">
        <button type="button" onClick={() => onAnswer(null)}>
          None of these: revoke in the dashboard
        </button>
        <button type="submit" className="danger" disabled={!picked}>
          Revoke this key
        </button>
      </div>
    </form>
  );
}
