/**
 * A message shown next to the input it is about. The input carries `fieldMessageProps(id, text)`,
 * so a screen reader reads the message with it and knows it is invalid.
 */
export function FieldMessage({ id, text, live = 'alert' }: { id: string; text: string | null; live?: 'alert' | 'status' }) {
  if (!text) return null;
  return (
    <p id={id} role={live} className="error field-message">
      {text}
    </p>
  );
}

export function fieldMessageProps(id: string, text: string | null): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return text ? { 'aria-invalid': true, 'aria-describedby': id } : {};
}
