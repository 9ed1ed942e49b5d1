import { Pencil } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { KeyView } from '../../../../electron/contract/views.js';
import { api } from '../../api/client.js';
import { useApp } from '../../store/store.js';
import { errorText } from '../../ui/format.js';

/**
 * A key's own dates: the provider's expiry (Nora's, as chosen in its dashboard — a key made in a
 * guided rotation has none until it is entered here) and its own maximum age.
 */
export function KeyDates({ keyView }: { keyView: KeyView }) {
  const announce = useApp((s) => s.announce);
  const [editing, setEditing] = useState(false);
  const [expiresOn, setExpiresOn] = useState(keyView.expiresOn ?? '');
  const [maxAge, setMaxAge] = useState(keyView.maxAgeDays === null ? '' : String(keyView.maxAgeDays));
  const [error, setError] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      const saved = await api.keySetDates({ ref: keyView.ref, expiresOn: expiresOn === '' ? null : expiresOn, maxAgeDays: maxAge === '' ? null : Number(maxAge) });
      announce(`${saved.ref}: expires ${saved.expiresOn ?? 'never'}, maximum age ${saved.maxAgeDays ? `${saved.maxAgeDays} days` : 'from the policy'}`);
      setError(null);
      setEditing(false);
    } catch (err) {
      setError(errorText(err));
    }
  }

  if (!editing) {
    return (
      <>
        {keyView.expiresOn ?? 'no expiry date'}
        {keyView.maxAgeDays !== null && `; max age ${keyView.maxAgeDays} days`}{' '}
        <button type="button" className="link" aria-label="Edit expiry and maximum age" onClick={() => setEditing(true)}>
          <Pencil size={12} aria-hidden /> Edit
        </button>
      </>
    );
  }
  return (
    <form className="inline-form" onSubmit={(e) => void save(e)}>
      <input type="date" aria-label="Provider expiry date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
      <input type="number" aria-label="Own maximum age (days)" placeholder="policy" min={1} max={36500} value={maxAge} onChange={(e) => setMaxAge(e.target.value)} />
      <button type="submit" className="primary">
        Save
      </button>
      <button type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
