import { useEffect } from 'react';
import { hostApi } from '../../api/client.js';
import { useApp } from '../../store/store.js';

/** How often the title bar asks whether the team database answers (a probe is bounded by its connect timeout). */
export const TEAM_PROBE_MS = 60_000;

/**
 * Keeps the store's team status current for the title bar: asked at start (with a probe), again
 * on every `team.changed` (a sync delivered, the database went away or came back; no probe, the
 * host has just found out), and probed now and then while the vault is joined to a team.
 */
export function useTeamStatus(): void {
  const loadTeamStatus = useApp((s) => s.loadTeamStatus);
  useEffect(() => {
    void loadTeamStatus(true);
    const stop = hostApi().onTeamChanged(() => void loadTeamStatus(false));
    const timer = setInterval(() => {
      if (useApp.getState().teamStatus?.connected) void loadTeamStatus(true);
    }, TEAM_PROBE_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [loadTeamStatus]);
}
