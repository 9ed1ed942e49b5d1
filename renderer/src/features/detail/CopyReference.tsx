import { ClipboardCopy } from 'lucide-react';
import { useCopyReference } from './useCopyReference.js';
import { BreakableText } from '../references/BreakableText.js';
import '../references/references.css';

/** The key's `keyturn://` reference as text a person can select, and a button that copies it (never the secret). */
export function CopyReference({ keyRef, copyable }: { keyRef: string; copyable: boolean }) {
  const { reference, copy } = useCopyReference(keyRef);
  return (
    <span className="reference-row">
      <code className="reference-text" data-testid="key-reference">
        <BreakableText text={reference} />
      </code>
      {/* Only the current key is worth naming: a pending key's name is its rotation's, a revoked one's resolves to nothing. */}
      {copyable && (
        <button type="button" onClick={() => void copy()}>
          <ClipboardCopy size={14} aria-hidden /> Copy reference
        </button>
      )}
    </span>
  );
}
