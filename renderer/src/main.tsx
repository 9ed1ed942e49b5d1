import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hostApi } from './api/client.js';
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
  hostApi().onVaultChanged(() => void useApp.getState().loadOverview());
  // The desktop menu's Emergency revoke (and its accelerator, which the menu takes before the page sees it).
  hostApi().onEmergencyOpen(() => useApp.getState().open({ kind: 'emergency' }));
  // A clicked reminder notification (desktop) opens that key's rotation.
  hostApi().onRotationOpen(({ ref }) => useApp.getState().open({ kind: 'rotate', ref }));
  // Browser mode's notifications arrive as events and show in the page.
  hostApi().onReminderFired((reminder) => {
    useApp.getState().remind(reminder);
    useApp.getState().announce(reminder.title);
  });
}
