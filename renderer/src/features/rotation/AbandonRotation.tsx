import { useEffect, useRef, useState } from 'react';
import './rotation.css';

/**
 * Abandon, asked once more before it is done: the pending key leaves the keychain and the old key
 * stays current. Used by the wizard and the key's detail.
 */
export function AbandonRotation({ keyRef, busy, onAbandon }: { keyRef: string; busy: boolean; onAbandon: () => void }) {
  const [asking, setAsking] = useState(false);
  // Kept, the focus goes back to the button that asked (not to the page behind the dialog).
  const trigger = useRef<HTMLButtonElement>(null);
  const [kept, setKept] = useState(false);
  useEffect(() => {
    if (kept && !asking) trigger.current?.focus();
  }, [kept, asking]);
  if (!asking) {
    return (
      <button type="button" ref={trigger} onClick={() => setAsking(true)}>
        Abandon the rotation…
      </button>
    );
  }
  return (
    <div role="group" aria-label="Confirm abandoning the rotation" className="warning abandon-confirm">
      <p>
        Abandon the rotation of <strong>{keyRef}</strong>? Its new key is removed from the keychain and the old key stays the current one, as it was before.
      </p>
      <div className="actions">
        <button
          type="button"
          onClick={() => {
            setKept(true);
            setAsking(false);
          }}
          autoFocus
        >
          Keep the rotation
        </button>
        <button type="button" className="danger" aria-disabled={busy || undefined} onClick={() => !busy && onAbandon()}>
          Abandon the rotation
        </button>
      </div>
    </div>
  );
}
