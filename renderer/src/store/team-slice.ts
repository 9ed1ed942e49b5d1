import type { StateCreator } from 'zustand';
import type { TeamStatus } from '../../../electron/contract/views.js';
import { hostApi } from '../api/client.js';
import type { AppState } from './store.js';

export interface TeamSlice {
  /** The team connection as the host last said it (null until asked): the title bar, Settings → Team and the Team audit read it. */
  teamStatus: TeamStatus | null;
  /** Asks the host again; `probe` also asks the database whether it answers (bounded by its connect timeout). */
  loadTeamStatus(probe: boolean): Promise<void>;
  setTeamStatus(status: TeamStatus): void;
}

/**
 * A status without a probe says nothing of the database unless a sync failed: until a delivery
 * succeeds (a newer last sync), what the last probe found still holds.
 */
function merged(before: TeamStatus | null, next: TeamStatus): TeamStatus {
  if (!next.connected || next.reachable !== null || next.problem !== null || !before?.connected) return next;
  if (next.lastSyncAt !== before.lastSyncAt) return next;
  return { ...next, reachable: before.reachable, problem: before.problem };
}

/** Whether the title bar says the team database is offline: connected, and the database did not answer when last asked. */
export function teamOffline(status: TeamStatus | null): boolean {
  if (!status?.connected) return false;
  return status.reachable === false || (status.reachable === null && status.problem?.code === 'team.unreachable');
}

export const createTeamSlice: StateCreator<AppState, [], [], TeamSlice> = (set, get) => ({
  teamStatus: null,
  async loadTeamStatus(probe) {
    try {
      const status = await hostApi().teamStatus({ probe });
      set({ teamStatus: merged(get().teamStatus, status) });
    } catch {
      // The status is a hint in the title bar; Settings → Team shows why it failed when it is opened.
    }
  },
  setTeamStatus: (status) => set((s) => ({ teamStatus: merged(s.teamStatus, status) })),
});
