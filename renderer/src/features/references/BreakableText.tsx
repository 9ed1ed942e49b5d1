import type { ReactNode } from 'react';

/**
 * A path or a reference with a line-break opportunity after each slash (not inside `://`), so a
 * narrow pane breaks it between its parts rather than mid-name. No character is added: a copy of
 * the selection is the text itself.
 */
export function BreakableText({ text }: { text: string }) {
  const parts = text.split(/(?<=[^/:]\/)/);
  return <>{parts.flatMap((part, i): ReactNode[] => (i === 0 ? [part] : [<wbr key={i} />, part]))}</>;
}
