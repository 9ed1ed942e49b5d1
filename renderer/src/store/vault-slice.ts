import type { StateCreator } from 'zustand';
import type { VaultOverview } from '../../../electron/contract/views.js';
import { hostApi } from '../api/client.js';
import type { AppState } from './store.js';

export interface VaultSlice {
  overview: VaultOverview | null;
  loadError: string | null;
  selectedNode: string | null;
  selectedKeyRef: string | null;
  loadOverview(): Promise<void>;
  selectNode(node: string | null): void;
  selectKey(ref: string | null): void;
}

/** The vault's metadata, as the host gives it: never a secret. */
export const createVaultSlice: StateCreator<AppState, [], [], VaultSlice> = (set) => ({
  overview: null,
  loadError: null,
  selectedNode: null,
  selectedKeyRef: null,
  async loadOverview() {
    try {
      const overview = await hostApi().vaultOverview({});
      // User Timing marks: the renderer benchmark measures first render from the host's answer.
      performance.mark('keyturn:overview-received');
      set({ overview, loadError: null });
    } catch (error) {
      set({ loadError: error instanceof Error ? error.message : 'the vault could not be read' });
    }
  },
  selectNode: (node) => set({ selectedNode: node, selectedKeyRef: null }),
  selectKey: (ref) => set({ selectedKeyRef: ref }),
});
