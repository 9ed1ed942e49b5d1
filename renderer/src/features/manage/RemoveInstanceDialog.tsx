import type { FormEvent } from 'react';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { Modal } from '../../ui/Modal.js';
import { ManageFooter } from './ManageFooter.js';
import { placeFailure } from '../../ui/placed-failure.js';
import { TypedBackName } from './TypedBackName.js';
import { useRemoveInstance } from './useRemoveInstance.js';
import './manage.css';

const FORM_ID = 'remove-instance-form';

const CONFIRM_NOTE = 'remove-instance-confirm-message';

/** Remove an instance once it holds no key; a production one asks for its name typed back. */
export function RemoveInstanceDialog({ instanceRef }: { instanceRef: string }) {
  const form = useRemoveInstance(instanceRef);
  const placed = placeFailure(form.failure, form.needsName ? (['confirmName'] as const) : []);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (form.canRemove) void form.submit();
  }
  return (
    <Modal
      title={`Remove the instance ${instanceRef}`}
      onClose={form.close}
      tone="danger"
      footer={<ManageFooter formId={FORM_ID} onCancel={form.close} action="Remove instance" busyText="Removing…" busy={form.busy} enabled={form.canRemove} tone="danger" />}
    >
      <form id={FORM_ID} className="form manage-form" onSubmit={submit}>
        {form.instance && (
          <p>
            <EnvBadge env={form.instance.env} /> {form.instance.baseUrl}
          </p>
        )}
        {form.keyCount > 0 ? (
          <p role="status" data-testid="instance-has-keys">
            This instance still holds {form.keyCount} key{form.keyCount === 1 ? '' : 's'}: remove {form.keyCount === 1 ? 'it' : 'them'} first (each key&apos;s detail has Remove…).
          </p>
        ) : (
          <p>The instance leaves the vault, with its settings. No key of it is left.</p>
        )}
        {form.needsName && form.instance && form.keyCount === 0 && <TypedBackName id={CONFIRM_NOTE} instance={form.instance.name} value={form.typedName} onChange={form.setTypedName} note={placed.at('confirmName')} />}
        {placed.general && (
          <p role="alert" className="error">
            {placed.general}
          </p>
        )}
      </form>
    </Modal>
  );
}
