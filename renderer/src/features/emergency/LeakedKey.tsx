import { ShieldAlert } from 'lucide-react';
import type { FormEvent } from 'react';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { FieldMessage, fieldMessageProps } from '../../ui/FieldMessage.js';
import { GuideSteps } from '../rotation/GuideSteps.js';
import type { EmergencyControl, LeakMatch } from './useEmergency.js';
import { describeTarget } from '../../../../electron/contract/targets.js';
import { usedByReferenceText } from '../references/site-text.js';
import { foundByScanText, sortedScanSites } from '../scan/scan-site-text.js';
import { BreakableText } from '../references/BreakableText.js';

const CONFIRM_NOTE = 'emergency-confirm-name-message';

/** The key the paste holds: where it is used, the typed-back name a production key needs, and Revoke now. */
export function LeakedKey({ match, emergency, startedAtKey, confirmNote }: { match: LeakMatch; emergency: EmergencyControl; startedAtKey: boolean; confirmNote: string | null }) {
  const { phase, production, detail } = emergency;
  function submit(e: FormEvent) {
    e.preventDefault();
    void emergency.revoke(false);
  }
  return (
    <section aria-label="The leaked key" data-testid="leak-match">
      <h3>
        {match.ref} <EnvBadge env={match.key.env} />
      </h3>
      <p className="mono">{match.key.maskedKey}</p>
      <p>{match.targets.length > 0 ? `Used in: ${match.targets.map((t) => describeTarget(t).where).join('; ')}` : 'No swap targets recorded for it.'}</p>
      {match.referenceSites.length > 0 && <p data-testid="leak-reference-sites">{usedByReferenceText(match.referenceSites)}</p>}
      {match.scanSites.length > 0 && (
        <ul className="leak-scan-sites" aria-label="Found by a scan" data-testid="leak-scan-sites">
          {sortedScanSites(match.scanSites).map((site) => (
            <li key={`${site.commit ?? ''}:${site.file}:${site.line}`}><BreakableText text={foundByScanText(site)} /></li>
          ))}
        </ul>
      )}
      {phase === 'found' && match.key.status === 'revoked' && <p className="muted">This key is revoked already.</p>}
      {phase === 'found' && match.key.status !== 'revoked' && (
        <form className="form" onSubmit={submit}>
          {production && (
            <>
              <label>
                <span>
                  This is PRODUCTION: everything that uses it stops working. Type the instance name <strong>{match.key.instance}</strong> to revoke
                </span>
                <input
                  value={emergency.typedName}
                  onChange={(e) => emergency.setTypedName(e.target.value)}
                  aria-label="Instance name"
                  autoComplete="off"
                  spellCheck={false}
                  autoFocus={startedAtKey}
                  {...fieldMessageProps(CONFIRM_NOTE, confirmNote)}
                />
              </label>
              <FieldMessage id={CONFIRM_NOTE} text={confirmNote} />
            </>
          )}
          <button type="submit" className="danger big" disabled={!emergency.canRevoke} autoFocus={startedAtKey && !production}>
            <ShieldAlert size={18} aria-hidden /> Revoke now
          </button>
        </form>
      )}
      {/* An API revoke falls back to the dashboard when the provider's list cannot tell which key it is: the way stays on screen while the host waits. */}
      {phase === 'revoking' && detail && (
        <div className="guide-box">
          <h3>{emergency.guided ? 'Revoke it in the dashboard' : 'Not rejected within a few seconds? Revoke it in the dashboard'}</h3>
          <GuideSteps guide={detail.dashboard.revoke} />
        </div>
      )}
      {phase === 'revoking' && (
        <p role="status" data-testid="revoke-waiting">
          Revoking, then checking until the provider rejects the key (401)…
        </p>
      )}
    </section>
  );
}
