import type { ScanReferenceView } from '../../../../electron/contract/views.js';
import { BreakableText } from '../references/BreakableText.js';
import { scanReferenceRows, scanReferencesHeading, scanReferencesNote } from './scan-references.js';
import '../references/references.css';

/** The `keyturn://` references a scan found, each recorded as a usage site of the key it names now (or of none). */
export function ScanReferences({ references }: { references: ScanReferenceView[] }) {
  if (references.length === 0) return null;
  return (
    <section aria-label="References found">
      <h3>{scanReferencesHeading(references.length)}</h3>
      <p className="muted">{scanReferencesNote(references)}</p>
      <table className="scan-table" aria-label="References found">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Variable</th>
            <th scope="col">Key</th>
          </tr>
        </thead>
        <tbody>
          {scanReferenceRows(references).map((r) => (
            <tr key={r.id}>
              <td className="mono scan-file">
                <BreakableText text={r.where} />
              </td>
              <td>{r.variable !== null ? <code>{r.variable}</code> : <span className="muted">none</span>}</td>
              <td>
                {r.keyRef !== null ? (
                  <code>{r.keyRef}</code>
                ) : (
                  <span className="warning-text">
                    not in this vault:{' '}
                    <code>
                      <BreakableText text={r.reference} />
                    </code>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
