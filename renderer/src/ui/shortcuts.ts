/**
 * The app's keyboard shortcuts: one place says which keys, how a button announces them
 * (aria-keyshortcuts) and how they are shown (a hint on the button, and its tooltip). Each works
 * in the desktop window and in a browser: none is one the browser keeps for itself (Ctrl+N, Ctrl+T…),
 * and none is a single character (WCAG 2.1.4), so typing never triggers one.
 */
export interface Shortcut {
  /** For aria-keyshortcuts. */
  aria: string;
  /** As shown to the person. */
  label: string;
  matches(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Ctrl (⌘ on a Mac), optionally with Shift, and one key (a letter, or Enter). */
function commandKey(letter: string, shift: boolean): Shortcut {
  const upper = letter.length === 1 ? letter.toUpperCase() : letter;
  return {
    aria: `${isMac ? 'Meta' : 'Control'}+${shift ? 'Shift+' : ''}${upper}`,
    label: isMac ? `${shift ? '⇧' : ''}⌘${upper}` : `Ctrl+${shift ? 'Shift+' : ''}${upper}`,
    matches: (e) => (e.ctrlKey || e.metaKey) && e.shiftKey === shift && !e.altKey && e.key.toLowerCase() === letter.toLowerCase(),
  };
}

export const SHORTCUTS = {
  /** From anywhere, over any dialog: the desktop menu has the same accelerator (CmdOrCtrl+Shift+R). */
  emergency: commandKey('r', true),
  /** K for key (Ctrl+N opens a browser window and cannot be taken). */
  addKey: commandKey('k', true),
  /** Find, as in every desktop app: focuses the key search. */
  search: commandKey('f', false),
  /** In a box where Enter is a new line (the emergency paste): sends the form. */
  submitMultiline: commandKey('Enter', false),
} as const satisfies Record<string, Shortcut>;

/** A button's tooltip: what it does and its shortcut. */
export function withShortcut(what: string, shortcut: Shortcut): string {
  return `${what} (${shortcut.label})`;
}
