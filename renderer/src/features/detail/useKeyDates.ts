import { useState } from 'react';
import type { KeyView } from '../../../../electron/contract/views.js';
import { hostApi } from '../../api/client.js';
import { failureOf, type Failure } from '../../ui/placed-failure.js';
import { useApp } from '../../store/store.js';

/** A key's own expiry date and maximum age, edited in place and saved in one call. */
export function useKeyDates(keyView: KeyView) {
  const announce = useApp((s) => s.announce);
  const [editing, setEditing] = useState(false);
  const [expiresOn, setExpiresOn] = useState(keyView.expiresOn ?? '');
  const [maxAge, setMaxAge] = useState(keyView.maxAgeDays === null ? '' : String(keyView.maxAgeDays));
  const [failure, setFailure] = useState<Failure | null>(null);

  async function save() {
    try {
      const saved = await hostApi().keySetDates({ ref: keyView.ref, expiresOn: expiresOn === '' ? null : expiresOn, maxAgeDays: maxAge === '' ? null : Number(maxAge) });
      announce(`${saved.ref}: expires ${saved.expiresOn ?? 'never'}, maximum age ${saved.maxAgeDays ? `${saved.maxAgeDays} days` : 'from the policy'}`);
      setFailure(null);
      setEditing(false);
    } catch (err) {
      setFailure(failureOf(err));
    }
  }

  return { editing, edit: () => setEditing(true), cancel: () => setEditing(false), expiresOn, setExpiresOn, maxAge, setMaxAge, failure, save };
}
