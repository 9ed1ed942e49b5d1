import type { FormEvent } from 'react';
import { FieldMessage, fieldMessageProps } from '../../ui/FieldMessage.js';
import { Modal } from '../../ui/Modal.js';
import { ManageFooter } from './ManageFooter.js';
import { placeFailure } from '../../ui/placed-failure.js';
import { useRenameKey } from './useRenameKey.js';
import './manage.css';

const FORM_ID = 'rename-key-form';

const NAME_NOTE = 'rename-key-name-message';

/** A key's new name; its reference changes with it (the old reference no longer finds it). */
export function RenameKeyDialog({ keyRef }: { keyRef: string }) {
  const form = useRenameKey(keyRef);
  const placed = placeFailure(form.failure, ['name'] as const);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (form.canRename) void form.submit();
  }
  return (
    <Modal
      title={`Rename ${keyRef}`}
      onClose={form.close}
      footer={<ManageFooter formId={FORM_ID} onCancel={form.close} action="Rename" busyText="Renaming…" busy={form.busy} enabled={form.canRename} tone="primary" />}
    >
      <form id={FORM_ID} className="form manage-form" onSubmit={submit}>
        <label>
          New name
          <input value={form.name} onChange={(e) => form.setName(e.target.value)} required maxLength={64} autoComplete="off" spellCheck={false} autoFocus {...fieldMessageProps(NAME_NOTE, placed.at('name'))} />
        </label>
        <FieldMessage id={NAME_NOTE} text={placed.at('name')} />
        <p className="muted">Its reference changes with its name: a script or a command that names {keyRef} must name the new one.</p>
        {placed.general && (
          <p role="alert" className="error">
            {placed.general}
          </p>
        )}
      </form>
    </Modal>
  );
}
