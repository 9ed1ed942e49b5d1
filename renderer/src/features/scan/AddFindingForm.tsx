import { useEffect, useId, useRef, type FormEvent } from 'react';
import { instanceRef } from '../../../../electron/contract/refs.js';
import { FieldMessage, fieldMessageProps } from '../../ui/FieldMessage.js';
import { placeFailure } from '../../ui/placed-failure.js';
import type { FindingGroup } from './scan-groups.js';
import type { AddFindingControl } from './useAddFinding.js';

/** Add to vault's small form: the instance (its provider's, in its environment) and the key's name; each problem next to its field. */
export function AddFindingForm({ group, control, onCancel }: { group: FindingGroup; control: AddFindingControl; onCancel: () => void }) {
  const id = useId();
  const placed = placeFailure(control.failure, ['instance', 'name'] as const);
  const instanceNote = `${id}-instance`;
  const nameNote = `${id}-name`;
  const form = useRef<HTMLFormElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const { failure } = control;
  // A refusal is seen where it is: the name it is about gets the focus, and the form with its message is scrolled into view.
  useEffect(() => {
    if (!failure) return;
    if (failure.field === 'name') nameInput.current?.select();
    // The whole form, the message under its field included (the body scrolls between title and footer).
    form.current?.scrollIntoView?.({ block: 'nearest' });
  }, [failure]);
  function submit(e: FormEvent) {
    e.preventDefault();
    void control.add();
  }
  return (
    <form ref={form} className="scan-add-form" onSubmit={submit} aria-label={`Add ${group.maskedKey} to vault`}>
      <label>
        <span>Instance</span>
        {/* The focus goes where the person is about to choose: the one field that may need a choice. */}
        <select autoFocus value={control.instanceRef} onChange={(e) => control.setInstanceRef(e.target.value)} disabled={control.fits.length === 0} {...fieldMessageProps(instanceNote, placed.at('instance'))}>
          {control.fits.length !== 1 && <option value="">{control.fits.length === 0 ? 'No instance fits' : 'Choose…'}</option>}
          {control.fits.map((i) => {
            const ref = instanceRef(i);
            return (
              <option key={i.id} value={ref}>
                {ref} — {i.env.toUpperCase()}
              </option>
            );
          })}
        </select>
      </label>
      <FieldMessage id={instanceNote} text={placed.at('instance')} />
      <label>
        <span>Name</span>
        <input ref={nameInput} value={control.name} onChange={(e) => control.setName(e.target.value)} required maxLength={64} autoComplete="off" spellCheck={false} {...fieldMessageProps(nameNote, placed.at('name'))} />
      </label>
      <FieldMessage id={nameNote} text={placed.at('name')} />
      {placed.general && (
        <p role="alert" className="error">
          {placed.general}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" aria-disabled={control.busy || control.fits.length === 0}>
          {control.busy ? 'Checking with the provider…' : 'Add to vault'}
        </button>
      </div>
    </form>
  );
}
