import { useCallback, useEffect, useState } from 'react';
import type { KeyDetail } from '../../../../electron/contract/views.js';
import { hostApi } from '../../api/client.js';
import { errorText } from '../../ui/format.js';
import { useApp } from '../../store/store.js';

/** How long "Snooze reminders a week" snoozes. */
const SNOOZE_DAYS = 7;

/** The selected key's detail, read again whenever the vault changes, and its Verify now and Snooze. */
export function useKeyDetail(ref: string | null) {
  const overview = useApp((s) => s.overview);
  const announce = useApp((s) => s.announce);
  const [detail, setDetail] = useState<KeyDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(() => {
    if (!ref) return setDetail(null);
    hostApi()
      .keyDetail({ ref })
      .then(setDetail, (e: unknown) => setError(errorText(e)));
  }, [ref]);
  useEffect(load, [load, overview]);

  async function snooze(keyRef: string) {
    try {
      const { until } = await hostApi().reminderSnooze({ ref: keyRef, days: SNOOZE_DAYS });
      announce(`No reminder for ${keyRef} until ${until.slice(0, 10)}`);
    } catch (e) {
      announce(errorText(e));
    }
  }

  async function verify(keyRef: string) {
    // The button stays focusable while it runs (aria-disabled): a second press does nothing.
    if (verifying) return;
    setVerifying(true);
    try {
      const [outcome] = await hostApi().keyVerify({ refs: [keyRef] });
      announce(outcome ? `${keyRef}: ${outcome.result} — ${outcome.reason}` : 'verified');
      load();
    } catch (e) {
      announce(errorText(e));
    } finally {
      setVerifying(false);
    }
  }

  return {
    detail,
    error,
    verifying,
    /** The key's row in the overview: its policy state now. */
    row: detail ? overview?.keys.find((r) => r.id === detail.key.id) : undefined,
    load,
    snooze,
    verify,
  };
}
