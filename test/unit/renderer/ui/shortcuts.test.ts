// @vitest-environment happy-dom
import { fireEvent, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useApp } from '../../../../renderer/src/store/store.js';
import { SHORTCUTS, withShortcut } from '../../../../renderer/src/ui/shortcuts.js';
import { useShortcuts } from '../../../../renderer/src/ui/useShortcuts.js';
import { resetAppBetweenTests } from '../fake-host.js';

resetAppBetweenTests();
afterEach(() => document.body.replaceChildren());

const press = (key: string, mods: { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean }) => fireEvent.keyDown(window, { key, ...mods });

describe('keyboard shortcuts', () => {
  it('are announced and shown the same way: aria-keyshortcuts, the hint and the tooltip', () => {
    expect(SHORTCUTS.emergency).toMatchObject({ aria: 'Control+Shift+R', label: 'Ctrl+Shift+R' });
    expect(SHORTCUTS.addKey).toMatchObject({ aria: 'Control+Shift+K', label: 'Ctrl+Shift+K' });
    expect(SHORTCUTS.search).toMatchObject({ aria: 'Control+F', label: 'Ctrl+F' });
    expect(SHORTCUTS.submitMultiline).toMatchObject({ aria: 'Control+Enter', label: 'Ctrl+Enter' });
    expect(withShortcut('Add a key', SHORTCUTS.addKey)).toBe('Add a key (Ctrl+Shift+K)');
  });

  it('never fire on a single character or without their modifiers (typing stays typing)', () => {
    for (const e of [{ key: 'k' }, { key: 'k', shiftKey: true }, { key: 'k', ctrlKey: true }, { key: 'f', ctrlKey: true, shiftKey: true }]) {
      expect(Object.values(SHORTCUTS).some((s) => s.matches({ ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...e }))).toBe(false);
    }
    expect(SHORTCUTS.addKey.matches({ key: 'K', ctrlKey: false, metaKey: true, shiftKey: true, altKey: false })).toBe(true);
  });

  it('Add key opens its dialog, but leaves an open dialog alone; Emergency revoke opens over anything', () => {
    renderHook(() => useShortcuts());
    press('K', { ctrlKey: true, shiftKey: true });
    expect(useApp.getState().dialog).toEqual({ kind: 'add-key' });
    useApp.setState({ dialog: { kind: 'settings' } });
    press('K', { ctrlKey: true, shiftKey: true });
    expect(useApp.getState().dialog).toEqual({ kind: 'settings' });
    press('R', { ctrlKey: true, shiftKey: true });
    expect(useApp.getState().dialog).toEqual({ kind: 'emergency' });
  });

  it('Find focuses the key search on the vault view, and does nothing where there is none', () => {
    renderHook(() => useShortcuts());
    const keys = document.createElement('section');
    keys.className = 'keys';
    const search = document.createElement('input');
    search.type = 'search';
    keys.append(search);
    document.body.append(keys);
    expect(press('f', { ctrlKey: true })).toBe(false);
    expect(document.activeElement).toBe(search);
    search.blur();
    useApp.setState({ view: 'audit' });
    expect(press('f', { ctrlKey: true })).toBe(true);
    expect(document.activeElement).not.toBe(search);
  });
});
