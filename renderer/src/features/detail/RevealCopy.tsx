import { Copy, Eye, EyeOff } from 'lucide-react';
import { useRevealCopy } from './useRevealCopy.js';

/** Reveal and copy; the secret is shown only while revealed (see useRevealCopy). */
export function RevealCopy({ keyRef }: { keyRef: string }) {
  const { revealed, hide, reveal, copy } = useRevealCopy(keyRef);
  return (
    <div className="reveal">
      <code className="mono secret" data-testid="revealed">{revealed ?? '••••••••••••••••'}</code>
      {revealed ? (
        <button type="button" onClick={hide}>
          <EyeOff size={16} aria-hidden /> Hide
        </button>
      ) : (
        <button type="button" onClick={() => void reveal()}>
          <Eye size={16} aria-hidden /> Reveal
        </button>
      )}
      <button type="button" onClick={() => void copy()}>
        <Copy size={16} aria-hidden /> Copy
      </button>
    </div>
  );
}
