import { FolderSearch, Plus, ShieldAlert } from 'lucide-react';
import { useEffect } from 'react';
import { AddKeyDialog } from './features/add-key/AddKeyDialog.js';
import { KeyDetail } from './features/detail/KeyDetail.js';
import { EmergencyPanel } from './features/emergency/EmergencyPanel.js';
import { KeyTable } from './features/keys/KeyTable.js';
import { ResumeBanner } from './features/rotation/ResumeBanner.js';
import { RotationWizard } from './features/rotation/RotationWizard.js';
import { AuditView } from './features/audit/AuditView.js';
import { ReminderBanner } from './features/reminders/ReminderBanner.js';
import { ScanDialog } from './features/scan/ScanDialog.js';
import { SettingsDialog } from './features/settings/SettingsDialog.js';
import { EmptyState } from './features/vault/EmptyState.js';
import { VaultTree } from './features/vault/VaultTree.js';
import { appProblemText } from './problems/wordings.js';
import { useApp } from './store/store.js';

export function App() {
  const overview = useApp((s) => s.overview);
  const loadError = useApp((s) => s.loadError);
  const dialog = useApp((s) => s.dialog);
  const open = useApp((s) => s.open);
  const announcement = useApp((s) => s.announcement);
  const view = useApp((s) => s.view);
  const show = useApp((s) => s.show);
  const attention = overview?.attention ?? 0;

  // The window title carries the count of keys that need attention (the desktop window shows the page's title).
  useEffect(() => {
    document.title = attention > 0 ? `Keyturn — ${attention} key${attention === 1 ? '' : 's'} need${attention === 1 ? 's' : ''} attention` : 'Keyturn';
  }, [attention]);

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
        <nav className="views" aria-label="Views">
          <button type="button" aria-current={view === 'vault' ? 'page' : undefined} onClick={() => show('vault')}>
            Vault
          </button>
          <button type="button" aria-current={view === 'audit' ? 'page' : undefined} onClick={() => show('audit')}>
            Audit {attention > 0 && <span className="due-count">{attention}</span>}
          </button>
        </nav>
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
      <ReminderBanner />
      {overview?.warnings.map((w, i) => (
        <p key={i} role="alert" className="warning">
          {appProblemText(w)}
        </p>
      ))}
      {loadError && (
        <p role="alert" className="error">
          {loadError}
        </p>
      )}
      {overview && overview.keys.length === 0 && overview.instances.length === 0 ? (
        <EmptyState />
      ) : view === 'audit' ? (
        <main className="audit-main">
          <AuditView />
        </main>
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
      {dialog?.kind === 'settings' && <SettingsDialog />}
      {dialog?.kind === 'rotate' && <RotationWizard keyRef={dialog.ref} resume={Boolean(dialog.resumeRotationId)} />}
      {dialog?.kind === 'emergency' && <EmergencyPanel keyRef={dialog.ref} />}
    </div>
  );
}
