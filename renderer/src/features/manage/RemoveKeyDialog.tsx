import type { FormEvent } from 'react';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { Modal } from '../../ui/Modal.js';
import { ManageFooter } from './ManageFooter.js';
import { placeFailure } from '../../ui/placed-failure.js';
import { TypedBackName } from './TypedBackName.js';
import { useRemoveKey } from './useRemoveKey.js';
import './manage.css';

const FORM_ID = 'remove-key-form';

const CONFIRM_NOTE = 'remove-key-confirm-message';

/** Remove a key from the vault and the keychain: what that does and does not do, then the confirmation. */
export function RemoveKeyDialog({ keyRef }: { keyRef: string }) {
  const form = useRemoveKey(keyRef);
  const placed = placeFailure(form.failure, form.needsName ? (['confirmName'] as const) : []);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (form.canRemove) void form.submit();
  }
  return (
    <Modal
      title={`Remove ${keyRef}`}
      onClose={form.close}
      tone="danger"
      footer={<ManageFooter formId={FORM_ID} onCancel={form.close} action="Remove key" busyText="Removing…" busy={form.busy} enabled={form.canRemove} tone="danger" />}
    >
      <form id={FORM_ID} className="form manage-form" onSubmit={submit}>
        {form.key && (
          <p>
            <EnvBadge env={form.key.env} /> <span className="mono">{form.key.maskedKey}</span>
          </p>
        )}
        <p>The key leaves this vault and the keychain, with its swap targets. It still works at the provider until it is revoked there: revoke it first if it leaked.</p>
        {form.needsName && form.key && <TypedBackName id={CONFIRM_NOTE} instance={form.key.instance} value={form.typedName} onChange={form.setTypedName} note={placed.at('confirmName')} />}
        {placed.general && (
          <p role="alert" className="error">
            {placed.general}
          </p>
        )}
      </form>
    </Modal>
  );
}
