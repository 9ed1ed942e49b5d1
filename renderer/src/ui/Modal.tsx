import type { ReactNode } from 'react';
import { Dialog, Heading, Modal as AriaModal, ModalOverlay } from 'react-aria-components';

/** A dialog that traps focus and closes with Escape (react-aria), titled for screen readers. */
export function Modal(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean; tone?: 'danger' }) {
  return (
    <ModalOverlay className="overlay" isOpen isDismissable onOpenChange={(open) => !open && props.onClose()}>
      <AriaModal className={`modal ${props.wide ? 'modal-wide' : ''} ${props.tone === 'danger' ? 'modal-danger' : ''}`}>
        <Dialog className="dialog">
          <Heading slot="title" className="dialog-title">
            {props.title}
          </Heading>
          {props.children}
        </Dialog>
      </AriaModal>
    </ModalOverlay>
  );
}
