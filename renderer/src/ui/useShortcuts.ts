import { useEffect } from 'react';
import { useApp } from '../store/store.js';
import { SHORTCUTS } from './shortcuts.js';

/** The shortcuts the titlebar shows, from anywhere in the page. */
export function useShortcuts(): void {
  const open = useApp((s) => s.open);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { dialog, view } = useApp.getState();
      if (SHORTCUTS.emergency.matches(e)) {
        // Over anything, even another dialog: at 3 a.m. this is the one that matters.
        e.preventDefault();
        open({ kind: 'emergency' });
      } else if (SHORTCUTS.addKey.matches(e) && dialog === null) {
        e.preventDefault();
        open({ kind: 'add-key' });
      } else if (SHORTCUTS.search.matches(e) && dialog === null && view === 'vault') {
        const search = document.querySelector<HTMLInputElement>('.keys input[type="search"]');
        if (!search) return;
        e.preventDefault();
        search.focus();
        search.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}
