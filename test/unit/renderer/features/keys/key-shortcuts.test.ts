import { describe, expect, it } from 'vitest';
import { actionForPress, ariaShortcut, opensContextMenu, shortcutLabel } from '../../../../../renderer/src/features/keys/key-shortcuts.js';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('row shortcuts', () => {
  it('maps the row shortcuts to their actions, with Ctrl or ⌘', () => {
    expect(actionForPress(press('V', { ctrlKey: true, shiftKey: true }))).toBe('verify');
    expect(actionForPress(press('v', { metaKey: true, shiftKey: true }))).toBe('verify');
    expect(actionForPress(press('O', { ctrlKey: true, shiftKey: true }))).toBe('rotate');
    expect(actionForPress(press('c', { ctrlKey: true }))).toBe('copy');
    expect(actionForPress(press('F2'))).toBe('rename');
    expect(actionForPress(press('Delete'))).toBe('remove');
  });

  it('does not take the emergency revoke shortcut, plain letters (type to find) or Enter (the grid opens the key)', () => {
    expect(actionForPress(press('R', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(actionForPress(press('v'))).toBeNull();
    expect(actionForPress(press('c', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(actionForPress(press('Enter'))).toBeNull();
    expect(actionForPress(press('Delete', { altKey: true }))).toBeNull();
  });

  it('Shift+F10 and the menu key open the context menu; F10 alone does not', () => {
    expect(opensContextMenu(press('F10', { shiftKey: true }))).toBe(true);
    expect(opensContextMenu(press('ContextMenu'))).toBe(true);
    expect(opensContextMenu(press('F10'))).toBe(false);
  });

  it('labels each shortcut as a menu shows it, per platform; reveal has none', () => {
    expect(shortcutLabel('verify', false)).toBe('Ctrl+Shift+V');
    expect(shortcutLabel('verify', true)).toBe('⇧⌘V');
    expect(shortcutLabel('copy', false)).toBe('Ctrl+C');
    expect(shortcutLabel('rename', false)).toBe('F2');
    expect(shortcutLabel('reveal', false)).toBeNull();
    expect(ariaShortcut('verify', false)).toBe('Control+Shift+V');
  });
});
