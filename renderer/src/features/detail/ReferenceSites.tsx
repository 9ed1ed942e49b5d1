import type { ReferenceSite } from '../../../../electron/contract/views.js';
import { useApp } from '../../store/store.js';
import { ReferenceSiteList } from '../references/ReferenceSiteList.js';

/** Where the key is named by `keyturn://` reference (found by a scan): nothing a rotation writes, but what reads them must restart. */
export function ReferenceSites({ sites }: { sites: ReferenceSite[] }) {
  const open = useApp((s) => s.open);
  return (
    <section aria-label="Used by reference" data-testid="reference-sites">
      <h3>Used by reference</h3>
      {sites.length === 0 ? (
        <p className="muted">
          None found yet. Put the reference above in a <code>.env</code> file in place of the key, then{' '}
          <button type="button" className="link" onClick={() => open({ kind: 'scan' })}>
            scan that folder
          </button>
          : every place that names it is listed here.
        </p>
      ) : (
        <ReferenceSiteList sites={sites} label="Reference sites" />
      )}
    </section>
  );
}
