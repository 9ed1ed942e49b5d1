import type { ScanSite } from '../../../../electron/contract/views.js';
import { BreakableText } from '../references/BreakableText.js';
import { scanSiteWhere, sortedScanSites } from '../scan/scan-site-text.js';

/** Where a scan found this key in plain text (a file, or a commit of the history): places it has leaked to. Nothing when none. */
export function ScanSites({ sites, revoked }: { sites: ScanSite[]; revoked: boolean }) {
  if (sites.length === 0) return null;
  return (
    <section aria-label="Found in plain text" data-testid="scan-sites">
      <h3>Found in plain text</h3>
      {revoked ? (
        <p className="muted">A scan found this key written out. It is revoked, so it is dead in these places: take it out of the files when convenient.</p>
      ) : (
        <p className="warning-text">A scan found this key written out. Remove it from these places; one in a commit that was ever pushed has leaked: revoke the key.</p>
      )}
      <ul>
        {sortedScanSites(sites).map((site) => (
          <li key={`${site.commit ?? ''}:${site.file}:${site.line}`} className="mono">
            <BreakableText text={scanSiteWhere(site)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
