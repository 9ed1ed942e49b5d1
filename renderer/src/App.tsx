import { FolderSearch, Plus, Settings, ShieldAlert } from 'lucide-react';
import { useEffect } from 'react';
import { AddKeyDialog } from './features/add-key/AddKeyDialog.js';
import { KeyDetail } from './features/detail/KeyDetail.js';
import { EmergencyPanel } from './features/emergency/EmergencyPanel.js';
import { KeyTable } from './features/keys/KeyTable.js';
import { ManageDialogs } from './features/manage/ManageDialogs.js';
import { ResumeBanner } from './features/rotation/ResumeBanner.js';
import { RotationWizard } from './features/rotation/RotationWizard.js';
import { AuditView } from './features/audit/AuditView.js';
import { ReminderBanner } from './features/reminders/ReminderBanner.js';
import { ScanDialog } from './features/scan/ScanDialog.js';
import { SettingsDialog } from './features/settings/SettingsDialog.js';
import { TeamBadge } from './features/team/TeamBadge.js';
import { EmptyState } from './features/vault/EmptyState.js';
import { VaultTree } from './features/vault/VaultTree.js';
import { appProblemText } from './problems/wordings.js';
import { useApp } from './store/store.js';
import { Drawer } from './ui/Drawer.js';
import { HOST_STOPPED_TEXT } from './ui/format.js';
import { loadErrorText } from './ui/load-error-text.js';
import { ShortcutHint } from './ui/ShortcutHint.js';
import { SHORTCUTS, withShortcut } from './ui/shortcuts.js';
import { Toasts } from './ui/Toasts.js';
import { useMediaQuery } from './ui/useMediaQuery.js';
import { useShortcuts } from './ui/useShortcuts.js';
import { useOverflows } from './ui/useOverflows.js';

/** Below this window width the key detail is a drawer over the table; from it on, a pane beside it. */
export const DETAIL_PANE_MIN_WIDTH = 1100;

export function App() {
  const hostStopped = useApp((s) => s.hostStopped);
  // Once the host stopped nothing here can work: the page says so once, and calls nothing more.
  return hostStopped ? <HostStoppedPage /> : <Shell />;
}

function HostStoppedPage() {
  return (
    <div className="app">
      <header className="titlebar">
        <h1>Keyturn</h1>
      </header>
      <main className="stopped">
        <p role="alert" data-testid="host-stopped">
          {HOST_STOPPED_TEXT}
        </p>
      </main>
    </div>
  );
}

function Shell() {
  const overview = useApp((s) => s.overview);
  const dialog = useApp((s) => s.dialog);
  const open = useApp((s) => s.open);
  const view = useApp((s) => s.view);
  const show = useApp((s) => s.show);
  const attention = overview?.attention ?? 0;
  const rejected = overview?.rejected ?? 0;

  // The window title carries the count of keys that need attention (the desktop window shows the page's title).
  useEffect(() => {
    document.title = attention > 0 ? `Keyturn — ${attention} key${attention === 1 ? '' : 's'} need${attention === 1 ? 's' : ''} attention` : 'Keyturn';
  }, [attention]);

  useShortcuts();

  return (
    <div className="app">
      <header className="titlebar">
        <h1>Keyturn</h1>
        <nav className="views" aria-label="Views">
          <button type="button" aria-current={view === 'vault' ? 'page' : undefined} onClick={() => show('vault')}>
            Vault
          </button>
          <button type="button" aria-current={view === 'audit' ? 'page' : undefined} onClick={() => show('audit')}>
            Audit
            {attention > 0 && (
              <span className="due-count" data-testid="audit-attention">
                {attention}
                <span className="visually-hidden"> need attention</span>
              </span>
            )}
            {rejected > 0 && (
              <span className="rejected-count" data-testid="audit-rejected">
                {rejected} rejected
              </span>
            )}
          </button>
        </nav>
        <TeamBadge />
        <button type="button" onClick={() => open({ kind: 'add-key' })} aria-keyshortcuts={SHORTCUTS.addKey.aria} title={withShortcut('Add a key', SHORTCUTS.addKey)}>
          <Plus size={16} aria-hidden /> Add key <ShortcutHint shortcut={SHORTCUTS.addKey} />
        </button>
        <button type="button" onClick={() => open({ kind: 'scan' })}>
          <FolderSearch size={16} aria-hidden /> Scan a folder
        </button>
        <button type="button" className="icon" aria-label="Settings" title="Settings (rotation policy, team)" onClick={() => open({ kind: 'settings' })}>
          <Settings size={18} aria-hidden />
        </button>
        <button type="button" className="danger emergency" onClick={() => open({ kind: 'emergency' })} aria-keyshortcuts={SHORTCUTS.emergency.aria} title={withShortcut('Emergency revoke', SHORTCUTS.emergency)}>
          <ShieldAlert size={16} aria-hidden /> Emergency revoke <ShortcutHint shortcut={SHORTCUTS.emergency} />
        </button>
      </header>
      <Notices />
      {overview && overview.keys.length === 0 && overview.instances.length === 0 ? (
        <EmptyState />
      ) : view === 'audit' ? (
        <main className="audit-main">
          <AuditView />
        </main>
      ) : (
        <VaultPanes />
      )}
      <Toasts />
      {dialog?.kind === 'add-key' && <AddKeyDialog />}
      {dialog?.kind === 'scan' && <ScanDialog />}
      {dialog?.kind === 'settings' && <SettingsDialog />}
      {dialog?.kind === 'rotate' && <RotationWizard keyRef={dialog.ref} resume={Boolean(dialog.resumeRotationId)} />}
      {dialog?.kind === 'emergency' && <EmergencyPanel keyRef={dialog.ref} />}
      {/* Remove key, rename key, remove instance: whichever is open. */}
      <ManageDialogs />
    </div>
  );
}

/**
 * What stands above the panes (interrupted rotations, reminders, core's warnings, a vault that
 * could not be read): never more than a strip of the window, scrolling inside it when there are many.
 */
function Notices() {
  const overview = useApp((s) => s.overview);
  const loadError = useApp((s) => s.loadError);
  const strip = useOverflows<HTMLDivElement>();
  return (
    <div ref={strip.ref} className="notices" role="region" aria-label="Notices" tabIndex={strip.overflows ? 0 : undefined}>
      <ResumeBanner />
      <ReminderBanner />
      {overview?.warnings.map((w, i) => (
        <p key={i} role="alert" className="warning">
          {appProblemText(w)}
        </p>
      ))}
      {loadError && (
        <p role="alert" className="error">
          {loadErrorText(loadError)}
        </p>
      )}
    </div>
  );
}

/** The tree, the table and the selected key's detail: a pane on a wide window, a drawer over the table on a narrow one. */
function VaultPanes() {
  const wide = useMediaQuery(`(min-width: ${DETAIL_PANE_MIN_WIDTH}px)`);
  const selected = useApp((s) => s.selectedKeyRef);
  const selectKey = useApp((s) => s.selectKey);
  return (
    <main className={`panes ${wide ? 'panes-wide' : 'panes-narrow'}`}>
      <VaultTree />
      <KeyTable />
      {wide ? (
        <KeyDetail />
      ) : (
        selected && (
          <Drawer label="Key detail" onClose={() => selectKey(null)}>
            <KeyDetail />
          </Drawer>
        )
      )}
    </main>
  );
}
