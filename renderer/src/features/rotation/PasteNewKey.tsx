import type { FormEvent } from 'react';
import type { GuidedStep } from '../../../../electron/contract/views.js';
import { FieldMessage } from '../../ui/FieldMessage.js';
import { GuideSteps } from './GuideSteps.js';
import type { RotationControl } from './useRotation.js';

const PASTE_NOTE = 'rotation-paste-message';
const SECRET_NOTE = 'rotation-secret-message';

/** The guided create step: where to make the new key, and the field it is pasted into. */
export function PasteNewKey({ guide, rotation, secretNote }: { guide: GuidedStep; rotation: RotationControl; secretNote: string | null }) {
  const problem = rotation.pasteProblem;
  const describedBy = [problem ? PASTE_NOTE : null, secretNote ? SECRET_NOTE : null].filter(Boolean).join(' ');
  function submit(e: FormEvent) {
    e.preventDefault();
    rotation.submitPaste();
  }
  return (
    <form className="form" onSubmit={submit}>
      <h3>Create the new key in the dashboard, then paste it here</h3>
      <GuideSteps guide={guide} />
      {problem && (
        <p id={PASTE_NOTE} role="alert" className="error">
          {problem}
        </p>
      )}
      <label>
        New key
        <input
          type="password"
          autoComplete="off"
          value={rotation.pasted}
          onChange={(e) => rotation.setPasted(e.target.value)}
          required
          aria-invalid={Boolean(problem || secretNote) || undefined}
          aria-describedby={describedBy || undefined}
        />
      </label>
      <FieldMessage id={SECRET_NOTE} text={secretNote} />
      <div className="actions">
        <button type="button" onClick={() => void rotation.answer({ kind: 'stop' })}>
          Stop here
        </button>
        <button type="submit" className="primary">
          Save new key
        </button>
      </div>
    </form>
  );
}
