import { useApp } from '../../store/store.js';
import { RemoveInstanceDialog } from './RemoveInstanceDialog.js';
import { RemoveKeyDialog } from './RemoveKeyDialog.js';
import { RenameKeyDialog } from './RenameKeyDialog.js';

/** Whichever manage dialog is open (from the key's detail, the key row's or the tree's context menu). */
export function ManageDialogs() {
  const dialog = useApp((s) => s.dialog);
  switch (dialog?.kind) {
    case 'remove-key':
      return <RemoveKeyDialog key={dialog.ref} keyRef={dialog.ref} />;
    case 'rename-key':
      return <RenameKeyDialog key={dialog.ref} keyRef={dialog.ref} />;
    case 'remove-instance':
      return <RemoveInstanceDialog key={dialog.ref} instanceRef={dialog.ref} />;
    default:
      return null;
  }
}
