import { Pencil } from 'lucide-react';
import type { FormEvent } from 'react';
import type { KeyView } from '../../../../electron/contract/views.js';
import { FieldMessage, fieldMessageProps } from '../../ui/FieldMessage.js';
import { placeFailure } from '../../ui/placed-failure.js';
import { useKeyDates } from './useKeyDates.js';

const EXPIRES_NOTE = 'key-dates-expires-message';
const DAYS_NOTE = 'key-dates-days-message';

/**
 * A key's own dates: the provider's expiry (Nora's, as chosen in its dashboard — a key made in a
 * guided rotation has none until it is entered here) and its own maximum age.
 */
export function KeyDates({ keyView }: { keyView: KeyView }) {
  const dates = useKeyDates(keyView);
  const placed = placeFailure(dates.failure, ['expires', 'days'] as const);

  function save(e: FormEvent) {
    e.preventDefault();
    void dates.save();
  }

  if (!dates.editing) {
    return (
      <>
        {keyView.expiresOn ?? 'no expiry date'}
        {keyView.maxAgeDays !== null && `; max age ${keyView.maxAgeDays} days`}{' '}
        <button type="button" className="link" aria-label="Edit expiry and maximum age" onClick={dates.edit}>
          <Pencil size={12} aria-hidden /> Edit
        </button>
      </>
    );
  }
  return (
    <form className="inline-form" onSubmit={save}>
      <input type="date" aria-label="Provider expiry date" value={dates.expiresOn} onChange={(e) => dates.setExpiresOn(e.target.value)} {...fieldMessageProps(EXPIRES_NOTE, placed.at('expires'))} />
      <input type="number" aria-label="Own maximum age (days)" placeholder="policy" min={1} max={36500} value={dates.maxAge} onChange={(e) => dates.setMaxAge(e.target.value)} {...fieldMessageProps(DAYS_NOTE, placed.at('days'))} />
      <button type="submit" className="primary">
        Save
      </button>
      <button type="button" onClick={dates.cancel}>
        Cancel
      </button>
      <FieldMessage id={EXPIRES_NOTE} text={placed.at('expires')} />
      <FieldMessage id={DAYS_NOTE} text={placed.at('days')} />
      {placed.general && (
        <p role="alert" className="error">
          {placed.general}
        </p>
      )}
    </form>
  );
}
