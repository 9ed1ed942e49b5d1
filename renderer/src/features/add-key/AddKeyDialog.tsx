import type { FormEvent } from 'react';
import { instanceRef } from '../../../../electron/contract/refs.js';
import { Modal } from '../../ui/Modal.js';
import { addKeyMessages, shownFields } from './field-messages.js';
import { NewInstanceFields } from './NewInstanceFields.js';
import { NoteFor, noteId, noteProps } from './NoteFor.js';
import { NEW_INSTANCE, useAddKey } from './useAddKey.js';

const FORM_ID = 'add-key-form';

/** Paste a key, see in words what is wrong with it before anything is stored, choose or create its instance. */
export function AddKeyDialog() {
  const form = useAddKey();
  const { check } = form;
  const messages = addKeyMessages(shownFields(form.creating, form.freshProvider?.needsProjectId ?? false), form.failure, form.checkFailure);
  const note = messages.at;
  const checkLine = messages.checkLine ?? form.refusalText;
  const secretNote = note('secret');

  function submit(e: FormEvent) {
    e.preventDefault();
    void form.submit();
  }

  return (
    <Modal
      title="Add a key"
      onClose={form.close}
      footer={
        <>
          <button type="button" onClick={form.close}>
            Cancel
          </button>
          <button type="submit" form={FORM_ID} className="primary" disabled={!form.canStore}>
            {form.busy && !form.unchecked ? 'Checking with the provider…' : 'Store in keychain'}
          </button>
        </>
      }
    >
      <form id={FORM_ID} className="form" onSubmit={submit}>
        <label>
          Instance
          <select value={form.instanceRef} onChange={(e) => form.setInstanceRef(e.target.value)} {...(form.creating ? {} : noteProps('instance', note('instance')))}>
            {form.instances.map((i) => {
              const ref = instanceRef(i);
              return (
                <option key={i.id} value={ref}>
                  {ref} — {i.env.toUpperCase()}
                </option>
              );
            })}
            <option value={NEW_INSTANCE}>New instance…</option>
          </select>
        </label>
        {form.creating ? (
          <NewInstanceFields providers={form.providers} provider={form.freshProvider} fresh={form.fresh} edit={form.editFresh} messages={messages} />
        ) : (
          <NoteFor field="instance" note={note('instance')} />
        )}
        <label>
          Key name
          <input value={form.name} onChange={(e) => form.setName(e.target.value)} required placeholder="backend-2026-11" {...noteProps('name', note('name'))} />
        </label>
        <NoteFor field="name" note={note('name')} />
        <label>
          Key (paste)
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={form.secret}
            onChange={(e) => form.setSecret(e.target.value)}
            required
            aria-describedby={secretNote ? `key-check ${noteId('secret')}` : 'key-check'}
            aria-invalid={Boolean(checkLine || secretNote) || undefined}
          />
        </label>
        <p id="key-check" role="status" className={checkLine ? 'error' : 'ok'} data-testid="key-check">
          {checkLine ?? (check ? `Looks right: ${check.maskedKey}${check.warnings.length ? ` (${check.warnings.join('; ')})` : ''}` : '')}
        </p>
        <NoteFor field="secret" note={secretNote} />
        <label>
          Expires (optional)
          <input type="date" value={form.expiresOn} onChange={(e) => form.setExpiresOn(e.target.value)} {...noteProps('expires', note('expires'))} />
        </label>
        <NoteFor field="expires" note={note('expires')} />
        <label className="checkbox">
          <input type="checkbox" checked={form.unchecked} onChange={(e) => form.setUnchecked(e.target.checked)} /> Store without checking whether the key works
        </label>
        {messages.general && (
          <p role="alert" className="error">
            {messages.general}
          </p>
        )}
      </form>
    </Modal>
  );
}
