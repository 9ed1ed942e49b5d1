import { FieldMessage, fieldMessageProps } from '../../ui/FieldMessage.js';
import type { FieldNote } from './field-messages.js';

/** The id a field's message goes by in the Add key dialog. */
export const noteId = (field: string) => `add-key-${field}-message`;

/** The aria props of an input with its note. */
export function noteProps(field: string, note: FieldNote | null) {
  return fieldMessageProps(noteId(field), note?.text ?? null);
}

export function NoteFor({ field, note }: { field: string; note: FieldNote | null }) {
  return <FieldMessage id={noteId(field)} text={note?.text ?? null} live={note?.live ?? 'alert'} />;
}
