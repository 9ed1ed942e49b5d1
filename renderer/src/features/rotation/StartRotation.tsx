import type { FormEvent } from 'react';
import { FieldMessage, fieldMessageProps } from '../../ui/FieldMessage.js';
import type { RotationControl } from './useRotation.js';

const CONFIRM_NOTE = 'rotation-confirm-name-message';

/** What the rotation will do, in place or not, and the production instance name typed back. */
export function StartRotation({ rotation, confirmNote, onCancel }: { rotation: RotationControl; confirmNote: string | null; onCancel: () => void }) {
  const { key, provider } = rotation;
  function submit(e: FormEvent) {
    e.preventDefault();
    void rotation.start();
  }
  return (
    <form className="form" onSubmit={submit}>
      <p>Keyturn creates the new key, writes it to every swap target, checks it works, and only then revokes the old one.</p>
      {provider?.rotateInPlace && (
        <label className="check">
          <input type="checkbox" checked={rotation.inPlace} onChange={(e) => rotation.setInPlace(e.target.checked)} /> Rotate in place — the old key dies at once: everything that uses it fails until it has the new key
        </label>
      )}
      {rotation.production && (
        <>
          <label>
            This is PRODUCTION. Type the instance name <strong>{key?.instance}</strong> to continue
            <input value={rotation.typedName} onChange={(e) => rotation.setTypedName(e.target.value)} aria-label="Instance name" autoComplete="off" {...fieldMessageProps(CONFIRM_NOTE, confirmNote)} />
          </label>
          <FieldMessage id={CONFIRM_NOTE} text={confirmNote} />
        </>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!rotation.canStart}>
          Start rotation
        </button>
      </div>
    </form>
  );
}
