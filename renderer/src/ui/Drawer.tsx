import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { Dialog, Modal as AriaModal, ModalOverlay } from 'react-aria-components';

/**
 * A panel that slides over the page from the right edge (the key detail in a narrow window): it
 * takes the focus, closes with its button, Escape or a click beside it, and gives the focus back to
 * what had it (react-aria).
 */
export function Drawer(props: { label: string; onClose: () => void; children: ReactNode }) {
  return (
    <ModalOverlay className="overlay drawer-overlay" isOpen isDismissable onOpenChange={(open) => !open && props.onClose()}>
      <AriaModal className="drawer">
        <Dialog className="drawer-dialog" aria-label={props.label}>
          <div className="drawer-bar">
            <button type="button" className="icon" onClick={props.onClose} aria-label={`Close the ${props.label.toLowerCase()}`} title="Close (Escape)" aria-keyshortcuts="Escape">
              <X size={16} aria-hidden />
            </button>
          </div>
          {props.children}
        </Dialog>
      </AriaModal>
    </ModalOverlay>
  );
}
