import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/client.js';
import { App } from './App.js';
import { useApp } from './store/store.js';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  void useApp.getState().loadOverview();
  api.onVaultChanged(() => void useApp.getState().loadOverview());
  // The desktop menu's Emergency revoke (and its accelerator, which the menu takes before the page sees it).
  api.onEmergencyOpen(() => useApp.getState().open({ kind: 'emergency' }));
}
