import type { ScanReferenceView } from '../../../../electron/contract/views.js';
import { siteWhere, sortedSites } from '../references/site-text.js';
import '../references/references.css';

/** The `keyturn://` references a scan found, each recorded as a usage site of the key it names now (or of none). */
export function ScanReferences({ references }: { references: ScanReferenceView[] }) {
  if (references.length === 0) return null;
  const unnamed = references.filter((r) => r.keyRef === null).length;
  return (
    <section aria-label="References found">
      <h3>
        {references.length} reference{references.length === 1 ? '' : 's'} found
      </h3>
      <p className="muted">
        Recorded as where each key is used: nothing is written there in a rotation.
        {unnamed > 0 && ` ${unnamed} name${unnamed === 1 ? 's' : ''} no key of this vault: check ${unnamed === 1 ? 'it' : 'them'} for a typo.`}
      </p>
      <table className="scan-table" aria-label="References found">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Variable</th>
            <th scope="col">Key</th>
          </tr>
        </thead>
        <tbody>
          {sortedSites(references).map((r) => (
            <tr key={`${r.file}:${r.line}:${r.reference}`}>
              <td className="mono scan-file">{siteWhere(r)}</td>
              <td className="mono">{r.variable ?? '—'}</td>
              <td>{r.keyRef !== null ? <code>{r.keyRef}</code> : <span className="warning-text">
                    not in this vault: <code>{r.reference}</code>
                  </span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
