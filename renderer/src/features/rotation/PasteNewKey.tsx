import type { FormEvent } from 'react';
import type { GuidedStep } from '../../../../electron/contract/views.js';
import { FieldMessage, fieldMessageProps } from '../../ui/FieldMessage.js';
import { GuideSteps } from './GuideSteps.js';
import type { RotationControl } from './useRotation.js';

const PASTE_NOTE = 'rotation-paste-message';
const SECRET_NOTE = 'rotation-secret-message';
const EXPIRES_NOTE = 'rotation-expires-message';

/**
 * The guided create step: where to make the new key, and the field it is pasted into, checked
 * while typing as Add key checks a key; for a provider that sets expiry dates, the date chosen there.
 */
export function PasteNewKey({ guide, rotation, secretNote, expiresNote }: { guide: GuidedStep; rotation: RotationControl; secretNote: string | null; expiresNote: string | null }) {
  const note = rotation.pasteNote;
  const invalid = note?.tone === 'error' || Boolean(secretNote);
  const describedBy = [note ? PASTE_NOTE : null, secretNote ? SECRET_NOTE : null].filter(Boolean).join(' ');
  function submit(e: FormEvent) {
    e.preventDefault();
    rotation.submitPaste();
  }
  return (
    <form className="form" onSubmit={submit}>
      <h3>Create the new key in the dashboard, then paste it here</h3>
      <GuideSteps guide={guide} />
      <label>
        New key
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={rotation.pasted}
          onChange={(e) => rotation.setPasted(e.target.value)}
          required
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy || undefined}
        />
      </label>
      {note && (
        <p id={PASTE_NOTE} role={note.live} className={note.tone === 'ok' ? 'ok field-message' : 'error field-message'} data-testid="rotation-key-check">
          {note.text}
        </p>
      )}
      <FieldMessage id={SECRET_NOTE} text={secretNote} />
      {rotation.asksExpiry && (
        <>
          <label>
            Expires on, as chosen in the dashboard
            <input type="date" value={rotation.expiresOn} onChange={(e) => rotation.setExpiresOn(e.target.value)} {...fieldMessageProps(EXPIRES_NOTE, expiresNote)} />
          </label>
          <FieldMessage id={EXPIRES_NOTE} text={expiresNote} />
        </>
      )}
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
