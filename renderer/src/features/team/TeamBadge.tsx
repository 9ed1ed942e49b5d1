import { CloudOff } from 'lucide-react';
import { useApp } from '../../store/store.js';
import { teamOffline } from '../../store/team-slice.js';
import { offlineBadgeLabel, offlineBadgeText } from './team-text.js';
import { useTeamStatus } from './useTeamStatus.js';
import './team.css';

/**
 * The title bar's word on the team database, only when this vault is joined to a team and the
 * database does not answer: everything else keeps working, and the changes waiting are counted.
 * Pressed, it opens Settings → Team.
 */
export function TeamBadge() {
  useTeamStatus();
  const status = useApp((s) => s.teamStatus);
  const open = useApp((s) => s.open);
  if (!status || !teamOffline(status)) return null;
  const label = offlineBadgeLabel(status);
  return (
    <button type="button" className="team-offline" data-testid="team-offline" aria-label={label} title={label} onClick={() => open({ kind: 'settings', section: 'team' })}>
      <CloudOff size={14} aria-hidden /> {offlineBadgeText(status)}
    </button>
  );
}
