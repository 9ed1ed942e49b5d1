import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hostApi, onHostStopped } from './api/client.js';
import { App } from './App.js';
import { useApp } from './store/store.js';
import './theme.css';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  void useApp.getState().loadOverview();
  // Browser mode: once the host stops answering, the page says so once (and the client calls nothing more).
  onHostStopped(() => useApp.getState().hostHasStopped());
  hostApi().onVaultChanged(() => void useApp.getState().loadOverview());
  // The desktop menu's Emergency revoke (and its accelerator, which the menu takes before the page sees it).
  hostApi().onEmergencyOpen(() => useApp.getState().open({ kind: 'emergency' }));
  // A clicked reminder notification (desktop) opens that key's rotation.
  hostApi().onRotationOpen(({ ref }) => useApp.getState().open({ kind: 'rotate', ref }));
  // Browser mode's notifications arrive as events and show in the page, as reminders (each read out
  // by itself): not as toasts too, which would go away while the reminder stays.
  hostApi().onReminderFired((reminder) => useApp.getState().remind(reminder));
}
