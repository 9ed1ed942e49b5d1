import { useEffect, useState } from 'react';
import { hostApi } from '../../api/client.js';
import { errorText } from '../../ui/format.js';
import { useApp } from '../../store/store.js';

/**
 * Reveal and copy one key. A revealed secret lives in this hook's state only — never in the
 * store — and is hidden again after the host's timeout, or when another key is shown.
 */
export function useRevealCopy(keyRef: string) {
  const announce = useApp((s) => s.announce);
  const [revealed, setRevealed] = useState<string | null>(null);
  useEffect(() => setRevealed(null), [keyRef]);

  async function reveal() {
    try {
      const { secret, hideAfterSeconds } = await hostApi().keyReveal({ ref: keyRef });
      setRevealed(secret);
      setTimeout(() => setRevealed(null), hideAfterSeconds * 1000);
      announce(`Key shown for ${hideAfterSeconds} seconds`);
    } catch (error) {
      announce(errorText(error));
    }
  }

  async function copy() {
    try {
      const result = await hostApi().keyCopy({ ref: keyRef });
      if (result.by === 'renderer') {
        await navigator.clipboard.writeText(result.secret);
        // Browser mode: the page clears what it wrote; it cannot read the clipboard to check first.
        setTimeout(() => void navigator.clipboard.writeText('').catch(() => undefined), result.clearsAfterSeconds * 1000);
      }
      announce(`Copied; the clipboard is cleared in ${result.clearsAfterSeconds} seconds`);
    } catch (error) {
      announce(errorText(error));
    }
  }

  return { revealed, hide: () => setRevealed(null), reveal, copy };
}
