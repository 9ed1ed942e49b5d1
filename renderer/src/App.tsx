import { FolderSearch, Plus, ShieldAlert } from 'lucide-react';
import { useEffect } from 'react';
import { AddKeyDialog } from './features/add-key/AddKeyDialog.js';
import { KeyDetail } from './features/detail/KeyDetail.js';
import { EmergencyPanel } from './features/emergency/EmergencyPanel.js';
import { KeyTable } from './features/keys/KeyTable.js';
import { ResumeBanner } from './features/rotation/ResumeBanner.js';
import { RotationWizard } from './features/rotation/RotationWizard.js';
import { ScanDialog } from './features/scan/ScanDialog.js';
import { EmptyState } from './features/vault/EmptyState.js';
import { VaultTree } from './features/vault/VaultTree.js';
import { useApp } from './store/store.js';

export function App() {
  const overview = useApp((s) => s.overview);
  const loadError = useApp((s) => s.loadError);
  const dialog = useApp((s) => s.dialog);
  const open = useApp((s) => s.open);
  const announcement = useApp((s) => s.announcement);

  // Emergency revoke from anywhere: Ctrl/Cmd+Shift+R.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'r') {
        e.preventDefault();
        open({ kind: 'emergency' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className="app">
      <header className="titlebar">
        <h1>Keyturn</h1>
        <button type="button" onClick={() => open({ kind: 'add-key' })}>
          <Plus size={16} aria-hidden /> Add key
        </button>
        <button type="button" onClick={() => open({ kind: 'scan' })}>
          <FolderSearch size={16} aria-hidden /> Scan a folder
        </button>
        <button type="button" className="danger emergency" onClick={() => open({ kind: 'emergency' })} aria-keyshortcuts="Control+Shift+R">
          <ShieldAlert size={16} aria-hidden /> Emergency revoke
        </button>
      </header>
      <ResumeBanner />
      {overview?.warnings.map((w) => (
        <p key={w} role="alert" className="warning">
          {w}
        </p>
      ))}
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      {overview && overview.keys.length === 0 && overview.instances.length === 0 ? (
        <EmptyState />
      ) : (
        <main className="panes">
          <VaultTree />
          <KeyTable />
          <KeyDetail />
        </main>
      )}
      <p className="status-bar" role="status" aria-live="polite">
        {announcement}
      </p>
      {dialog?.kind === 'add-key' && <AddKeyDialog />}
      {dialog?.kind === 'scan' && <ScanDialog />}
      {dialog?.kind === 'rotate' && <RotationWizard keyRef={dialog.ref} resume={Boolean(dialog.resumeRotationId)} />}
      {dialog?.kind === 'emergency' && <EmergencyPanel />}
    </div>
  );
}
