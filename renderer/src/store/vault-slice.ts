import type { StateCreator } from 'zustand';
import type { Problem } from '../../../electron/contract/problems.js';
import type { VaultOverview } from '../../../electron/contract/views.js';
import { CallError, hostApi, HostStopped } from '../api/client.js';
import type { AppState } from './store.js';

/** Why the vault could not be read, for the page to word: the host's problem, the host gone, or the window's own fault. */
export type LoadError = { kind: 'problem'; problem: Problem } | { kind: 'host-stopped' } | { kind: 'window-fault' };

export function loadErrorOf(error: unknown): LoadError {
  if (error instanceof CallError) return { kind: 'problem', problem: error.problem };
  if (error instanceof HostStopped) return { kind: 'host-stopped' };
  return { kind: 'window-fault' };
}

export interface VaultSlice {
  overview: VaultOverview | null;
  loadError: LoadError | null;
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
      set({ loadError: loadErrorOf(error) });
    }
  },
  selectNode: (node) => set({ selectedNode: node, selectedKeyRef: null }),
  selectKey: (ref) => set({ selectedKeyRef: ref }),
});
