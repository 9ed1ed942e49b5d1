import { X } from 'lucide-react';
import { useEffect, useState, type FocusEvent } from 'react';
import { useApp } from '../store/store.js';
import type { Toast } from '../store/ui-slice.js';
import { TOAST_MS } from './toast-times.js';
import { useToastTimer } from './useToastTimer.js';


/**
 * Action outcomes that go away: one polite live region (always in the page, so each new toast is
 * read), each toast with its close button. A pointer over the region or the focus in it pauses
 * every toast's time. Kept usable above an open dialog (react-aria leaves a top layer element out
 * of what a modal hides).
 */
export function Toasts() {
  const toasts = useApp((s) => s.toasts);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  // A region that emptied under a still pointer gets no mouseleave: the next toast must not wait for one.
  const none = toasts.length === 0;
  useEffect(() => {
    if (none) setHovered(false);
  }, [none]);
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
  };
  return (
    <section
      className="toasts"
      role="status"
      aria-live="polite"
      aria-label="Messages"
      data-react-aria-top-layer="true"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={onBlur}
    >
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} paused={hovered || focused} />
      ))}
    </section>
  );
}

function ToastItem({ toast, paused }: { toast: Toast; paused: boolean }) {
  const dismiss = useApp((s) => s.dismissToast);
  useToastTimer(TOAST_MS[toast.tone], paused, () => dismiss(toast.id));
  return (
    <div className={`toast toast-${toast.tone}`} data-testid="toast">
      <span>{toast.message}</span>
      <button type="button" className="icon" aria-label="Dismiss this message" onClick={() => dismiss(toast.id)}>
        <X size={14} aria-hidden />
      </button>
    </div>
  );
}
