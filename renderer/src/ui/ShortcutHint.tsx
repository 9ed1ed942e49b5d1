import type { Shortcut } from './shortcuts.js';

/** A shortcut shown on its button; hidden from screen readers, which read the button's aria-keyshortcuts instead. */
export function ShortcutHint({ shortcut }: { shortcut: Shortcut }) {
  return (
    <kbd className="shortcut" aria-hidden>
      {shortcut.label}
    </kbd>
  );
}
