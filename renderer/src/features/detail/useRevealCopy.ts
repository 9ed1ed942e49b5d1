import { useEffect, useState } from 'react';
import { hostApi } from '../../api/client.js';
import { errorText } from '../../ui/format.js';
import { useApp } from '../../store/store.js';

/**
 * Reveal and copy one key. A revealed secret lives in this hook's state only — never in the
 * store — and is hidden again after the host's timeout, or when another key is shown. A reveal
 * asked for elsewhere (the key row's context menu) is done here, for this key, once.
 */
export function useRevealCopy(keyRef: string) {
  const announce = useApp((s) => s.announce);
  const request = useApp((s) => s.detailRequest);
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

  useEffect(() => {
    // The store's value now, not this render's: an effect run twice reveals once.
    const asked = useApp.getState().detailRequest;
    if (asked?.action !== 'reveal' || asked.ref !== keyRef) return;
    useApp.getState().requestDetail(null);
    void reveal();
    // `reveal` is rebuilt each render: the request and the key are what start it.
  }, [request, keyRef]);

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
