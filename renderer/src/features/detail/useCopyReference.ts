import { referenceFor } from '../../../../electron/contract/refs.js';
import { useApp } from '../../store/store.js';

/**
 * "Copy reference": the key's `keyturn://` reference, which names the key and holds no secret, so
 * the page writes it itself — no host call, no audit entry, no clearing timer (unlike the secret's Copy).
 */
export function useCopyReference(keyRef: string) {
  const toast = useApp((s) => s.toast);
  const reference = referenceFor(keyRef);

  async function copy() {
    try {
      await navigator.clipboard.writeText(reference);
      toast('Reference copied', 'success');
    } catch {
      // A page without the clipboard's permission (or not focused) is refused: the text is on screen to select.
      toast('The reference could not be put on the clipboard: select it and copy it from there.', 'error');
    }
  }

  return { reference, copy };
}
