import type { ReactNode } from 'react';
import { Dialog, Heading, Modal as AriaModal, ModalOverlay } from 'react-aria-components';
import { useOverflows } from './useOverflows.js';

export interface ModalProps {
  title: string;
  onClose: () => void;
  /** The dialog's content; it scrolls when the window is too short, between the title and the footer. */
  children: ReactNode;
  /**
   * The dialog's buttons (Cancel, Save, Close…), in a footer that stays in view however long the
   * body is: every dialog puts its buttons here, the main action last. A submit button of a form in
   * the body names that form (`<button type="submit" form={FORM_ID}>`), so Enter in a field still
   * submits it.
   */
  footer?: ReactNode;
  wide?: boolean;
  tone?: 'danger';
}

/**
 * A dialog that traps focus and closes with Escape (react-aria), titled for screen readers: the
 * title and the footer stay put, the body between them scrolls.
 */
export function Modal(props: ModalProps) {
  const body = useOverflows<HTMLDivElement>();
  return (
    <ModalOverlay className="overlay" isOpen isDismissable onOpenChange={(open) => !open && props.onClose()}>
      <AriaModal className={`modal ${props.wide ? 'modal-wide' : ''} ${props.tone === 'danger' ? 'modal-danger' : ''}`}>
        <Dialog className="dialog">
          <header className="dialog-header">
            <Heading slot="title" className="dialog-title">
              {props.title}
            </Heading>
          </header>
          {/* A body that scrolls is a Tab stop when it overflows, so the keyboard can scroll it too. */}
          <div ref={body.ref} className="dialog-body" data-testid="dialog-body" tabIndex={body.overflows ? 0 : undefined}>
            {props.children}
          </div>
          {props.footer && (
            <footer className="dialog-footer" data-testid="dialog-footer">
              {props.footer}
            </footer>
          )}
        </Dialog>
      </AriaModal>
    </ModalOverlay>
  );
}
