import { CheckCircle2, RefreshCw } from 'lucide-react';
import { useCallback } from 'react';
import type { KeyDetail, ReferenceSite, RevokeResult, ScanSite } from '../../../../electron/contract/views.js';
import { afterRevokeText } from '../references/site-text.js';
import { GuideSteps } from '../rotation/GuideSteps.js';

/** The proof of 401 and what next; unproven, where to revoke by hand and a way to keep checking. */
export function RevokeOutcome(props: { result: RevokeResult; detail: KeyDetail | null; referenceSites: readonly ReferenceSite[]; scanSites?: readonly ScanSite[]; guided: boolean; onKeepChecking: () => void }) {
  const { result, detail, referenceSites, guided, onKeepChecking } = props;
  const scanSites = props.scanSites ?? [];
  // Stable, so it runs once when the element appears, not on every render.
  const focusOnMount = useCallback((el: HTMLElement | null) => el?.focus(), []);
  return (
    // The outcome takes the focus (and comes into view on a small window): the button pressed is gone.
    <div role="status" className={result.proven ? 'ok' : 'error'} data-testid="revoke-result" tabIndex={-1} ref={focusOnMount}>
      <p>
        {result.proven ? <CheckCircle2 size={18} aria-hidden /> : null} {result.detail}
      </p>
      {result.proven ? (
        <>
          <p>Next: rotate the consumers to a new key — add it, then update the places listed above.</p>
          {referenceSites.length > 0 && <p data-testid="revoke-reference-sites">{afterRevokeText(referenceSites)}</p>}
          {scanSites.length > 0 && (
            <p data-testid="revoke-scan-sites">
              {scanSites.some((s) => s.commit === undefined) ? 'Take the dead key out of the files where a scan found it, and scan again. ' : ''}
              {scanSites.some((s) => s.commit !== undefined) ? 'The commits that still hold it need no rewrite: the key is dead now.' : ''}
            </p>
          )}
        </>
      ) : (
        <>
          {detail && (
            <div className="guide-box">
              <h3>{guided ? 'Revoke it in the dashboard' : 'If the provider has not revoked it, do it in the dashboard'}</h3>
              <GuideSteps guide={detail.dashboard.revoke} />
            </div>
          )}
          <p>Keyturn revokes nothing again: it only checks until the provider rejects the key.</p>
          <button type="button" className="primary" onClick={onKeepChecking}>
            <RefreshCw size={16} aria-hidden /> Keep checking
          </button>
        </>
      )}
    </div>
  );
}
