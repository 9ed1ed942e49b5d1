import { FieldMessage, fieldMessageProps } from '../../ui/FieldMessage.js';

/** The production instance's name typed back before anything is removed, with its message next to it. */
export function TypedBackName({ id, instance, value, onChange, note }: { id: string; instance: string; value: string; onChange: (text: string) => void; note: string | null }) {
  return (
    <>
      <label>
        <span>
          This is PRODUCTION. Type the instance name <strong>{instance}</strong> to confirm
        </span>
        <input value={value} onChange={(e) => onChange(e.target.value)} aria-label="Instance name" autoComplete="off" spellCheck={false} {...fieldMessageProps(id, note)} />
      </label>
      <FieldMessage id={id} text={note} />
    </>
  );
}
