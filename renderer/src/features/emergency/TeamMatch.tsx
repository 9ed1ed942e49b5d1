import { Users } from 'lucide-react';
import type { GuidedStep } from '../../../../electron/contract/views.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { BreakableText } from '../references/BreakableText.js';
import { GuideSteps } from '../rotation/GuideSteps.js';
import { teamMatchAdvice, teamMatchHeading, usageSiteText } from '../team/team-text.js';
import type { TeamLeakMatchView } from './useEmergency.js';
import '../team/team.css';

/**
 * A pasted key this vault does not hold, as the team inventory knows it: whose it is, on which
 * machine, where it is used, and that its holder must revoke it (only their vault holds the key,
 * and can check that the provider rejects it). The provider's own steps follow when the panel knows them.
 */
export function TeamMatch({ match, guide, provider }: { match: TeamLeakMatchView; guide: GuidedStep | null; provider: string | null }) {
  const revoked = match.status === 'revoked';
  return (
    <section aria-label={`Held by ${match.member}`} data-testid="team-match" className={`team-match team-match-${match.env}`}>
      <h3>
        <Users size={16} aria-hidden /> {teamMatchHeading(match)}
      </h3>
      <dl className="facts">
        <dt>Holder</dt>
        <dd data-testid="team-match-holder">{match.member}</dd>
        <dt>Machine</dt>
        <dd>{match.machine}</dd>
        <dt>Key</dt>
        <dd>
          {match.ref} <EnvBadge env={match.env} />
        </dd>
        <dt>Masked</dt>
        <dd className="mono">{match.masked}</dd>
        <dt>Status</dt>
        <dd>{match.status}</dd>
        <dt>As of</dt>
        <dd>{new Date(match.syncedAt).toLocaleString()} (the holder’s last sync)</dd>
      </dl>
      {match.usageSites.length > 0 ? (
        <>
          <p>Where {match.member} uses it:</p>
          <ul data-testid="team-match-sites">
            {match.usageSites.map((site) => (
              <li key={`${site.kind}:${site.where}`}>
                <BreakableText text={usageSiteText(site)} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">No places of use recorded for it.</p>
      )}
      {revoked ? <p>{teamMatchAdvice(match)}</p> : <p role="alert" className="team-holder" data-testid="team-match-advice">{teamMatchAdvice(match)}</p>}
      {!revoked && guide && (
        <>
          <p>Or, with access to the {provider ?? 'provider’s'} dashboard, revoke it there:</p>
          <GuideSteps guide={guide} />
        </>
      )}
    </section>
  );
}
