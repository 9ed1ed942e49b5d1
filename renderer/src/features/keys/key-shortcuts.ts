/** What a key row offers, in its context menu and as keyboard shortcuts on the focused row. */
export type KeyAction = 'open' | 'verify' | 'rotate' | 'copy' | 'reveal' | 'revoke' | 'remove' | 'rename';

interface Shortcut {
  /** KeyboardEvent.key, compared without case. */
  key: string;
  /** Ctrl, or ⌘ on a Mac. */
  mod?: boolean;
  shift?: boolean;
}

/**
 * Desktop conventions where there is one (Enter opens, Ctrl+C copies, F2 renames, Delete removes).
 * Reveal has none on purpose: a secret shows only when chosen. Revoke has none of its own: the
 * app's Ctrl+Shift+R (emergency revoke) stays the one revoke shortcut.
 */
export const KEY_SHORTCUTS: Readonly<Partial<Record<KeyAction, Shortcut>>> = {
  open: { key: 'Enter' },
  verify: { key: 'v', mod: true, shift: true },
  rotate: { key: 'o', mod: true, shift: true },
  copy: { key: 'c', mod: true },
  remove: { key: 'Delete' },
  rename: { key: 'F2' },
};

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The row action a key press asks for, or null (Enter is the table's own row action). */
export function actionForPress(press: KeyPress): Exclude<KeyAction, 'open'> | null {
  if (press.altKey) return null;
  const mod = press.ctrlKey || press.metaKey;
  for (const [action, s] of Object.entries(KEY_SHORTCUTS) as [KeyAction, Shortcut][]) {
    if (action === 'open') continue;
    if (press.key.toLowerCase() === s.key.toLowerCase() && mod === Boolean(s.mod) && press.shiftKey === Boolean(s.shift)) return action;
  }
  return null;
}

/** Shift+F10 or the context-menu key: the keyboard's right click. */
export function opensContextMenu(press: KeyPress): boolean {
  return press.key === 'ContextMenu' || (press.key === 'F10' && press.shiftKey && !press.ctrlKey && !press.metaKey && !press.altKey);
}

/** The shortcut as a menu or a tooltip shows it: "Ctrl+Shift+V", or "⇧⌘V" on a Mac. */
export function shortcutLabel(action: KeyAction, mac: boolean): string | null {
  const s = KEY_SHORTCUTS[action];
  if (!s) return null;
  const key = s.key.length === 1 ? s.key.toUpperCase() : s.key;
  if (mac) return `${s.shift ? '⇧' : ''}${s.mod ? '⌘' : ''}${key === 'Delete' ? '⌫' : key}`;
  return [s.mod ? 'Ctrl' : null, s.shift ? 'Shift' : null, key].filter(Boolean).join('+');
}

/** The shortcut for aria-keyshortcuts ("Control+Shift+V"). */
export function ariaShortcut(action: KeyAction, mac: boolean): string | undefined {
  const s = KEY_SHORTCUTS[action];
  if (!s) return undefined;
  return [s.mod ? (mac ? 'Meta' : 'Control') : null, s.shift ? 'Shift' : null, s.key.length === 1 ? s.key.toUpperCase() : s.key].filter(Boolean).join('+');
}

export function onMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
