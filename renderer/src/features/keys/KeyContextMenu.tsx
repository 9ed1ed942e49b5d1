import { useRef } from 'react';
import { Keyboard, Menu, MenuItem, Popover, Text } from 'react-aria-components';
import { KEY_MENU, runKeyAction } from './key-actions.js';
import { onMac, shortcutLabel, type KeyAction } from './key-shortcuts.js';
import './keys.css';

/** Where the menu opens: the pointer of a right click, or under the row (keyboard) or its "⋯" button. */
export interface MenuPlace {
  ref: string;
  name: string;
  x: number;
  y: number;
}

/** A key row's context menu: the row's actions, each with its shortcut where it has one. */
export function KeyContextMenu({ place, onClose }: { place: MenuPlace | null; onClose: () => void }) {
  const anchor = useRef<HTMLDivElement>(null);
  const mac = onMac();
  return (
    <>
      <div ref={anchor} className="menu-anchor" style={{ left: place?.x ?? 0, top: place?.y ?? 0 }} aria-hidden />
      <Popover triggerRef={anchor} isOpen={place !== null} onOpenChange={(isOpen) => !isOpen && onClose()} placement="bottom start" className="menu-popover">
        <Menu
          aria-label={place ? `Actions for ${place.name}` : 'Key actions'}
          autoFocus="first"
          className="menu"
          onClose={onClose}
          onAction={(action) => {
            const ref = place?.ref;
            onClose();
            if (ref) void runKeyAction(String(action) as KeyAction, ref);
          }}
        >
          {KEY_MENU.map(({ action, label }) => {
            const shortcut = shortcutLabel(action, mac);
            return (
              <MenuItem key={action} id={action} textValue={label} className={`menu-item ${action === 'revoke' || action === 'remove' ? 'menu-item-danger' : ''}`}>
                <Text slot="label">{label}</Text>
                {shortcut && <Keyboard>{shortcut}</Keyboard>}
              </MenuItem>
            );
          })}
        </Menu>
      </Popover>
    </>
  );
}
