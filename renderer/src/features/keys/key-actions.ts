import { hostApi } from '../../api/client.js';
import { useApp } from '../../store/store.js';
import { errorText } from '../../ui/format.js';
import type { KeyAction } from './key-shortcuts.js';

/** The context menu's items, in the order a person reads them; the dangerous ones last. */
export const KEY_MENU: readonly { action: KeyAction; label: string }[] = [
  { action: 'open', label: 'Open' },
  { action: 'verify', label: 'Verify' },
  { action: 'rotate', label: 'Rotate…' },
  { action: 'copy', label: 'Copy reference' },
  { action: 'reveal', label: 'Reveal' },
  { action: 'rename', label: 'Rename…' },
  { action: 'revoke', label: 'Revoke…' },
  { action: 'remove', label: 'Remove…' },
];

/** Runs a row's action on the key `ref`; a dialog's action opens the dialog, a quick one toasts its outcome. */
export async function runKeyAction(action: KeyAction, ref: string): Promise<void> {
  const app = useApp.getState();
  switch (action) {
    case 'open':
      return app.selectKey(ref);
    case 'verify':
      return verify(ref);
    case 'rotate':
      return app.open({ kind: 'rotate', ref });
    case 'copy':
      return copyReference(ref);
    case 'reveal':
      app.selectKey(ref);
      return app.requestDetail({ ref, action: 'reveal' });
    case 'revoke':
      return app.open({ kind: 'emergency', ref });
    case 'remove':
      return app.open({ kind: 'remove-key', ref });
    case 'rename':
      return app.open({ kind: 'rename-key', ref });
  }
}

async function verify(ref: string): Promise<void> {
  const { toast, loadOverview } = useApp.getState();
  try {
    const [outcome] = await hostApi().keyVerify({ refs: [ref] });
    if (!outcome) return toast(`${ref}: the provider gave no answer`, 'error');
    toast(`${ref}: ${outcome.result} — ${outcome.reason}`, outcome.result === 'valid' ? 'success' : 'error');
  } catch (e) {
    toast(errorText(e), 'error');
  }
  // The row shows what the check found (rejected, last verified) without waiting for the host's change event.
  await loadOverview();
}

async function copyReference(ref: string): Promise<void> {
  const { toast } = useApp.getState();
  try {
    await navigator.clipboard.writeText(ref);
    toast(`Copied the reference ${ref}`, 'success');
  } catch {
    toast('The clipboard could not be written: select the reference in the key’s detail and copy it from there', 'error');
  }
}
