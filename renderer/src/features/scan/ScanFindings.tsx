import type { ScanResult } from '../../../../electron/contract/views.js';
import { appProblemText } from '../../problems/wordings.js';
import { FindingGroupItem } from './FindingGroupItem.js';
import { ScanReferences } from './ScanReferences.js';
import { findingsSummary, groupFindings } from './scan-groups.js';
import type { ScanControl } from './useScan.js';
import './scan.css';

/**
 * What a scan found, one group per key (the vault's own first, each with Rotate and Emergency
 * revoke; the others with Add to vault), then the references, what it imported, and what it did not
 * read or import, with why. Keys are masked: the page never has one.
 */
export function ScanFindings({ result, scan }: { result: ScanResult; scan: ScanControl }) {
  const groups = groupFindings(result.findings);
  return (
    <>
      {groups.length === 0 ? (
        <p>{result.history ? 'No provider keys found in the files or the history of this folder.' : 'No provider keys found under this folder.'}</p>
      ) : (
        <>
          <h3 className="scan-summary">{findingsSummary(groups)}</h3>
          <ul className="scan-groups" aria-label="Keys found">
            {groups.map((g) => (
              <FindingGroupItem key={g.fingerprint} group={g} onAdded={scan.added} />
            ))}
          </ul>
        </>
      )}
      <ScanReferences references={result.references} />
      {result.imported.map((i) => (
        <div key={i.ref}>
          <p>
            Imported <code>{i.ref}</code> with {i.targets} swap target(s).
          </p>
          {i.refusedTargets.map((r) => (
            <p key={r.file} className="warning">
              Not a swap target: {appProblemText(r.problem)}
            </p>
          ))}
        </div>
      ))}
      {result.skippedFiles.length > 0 && (
        <details>
          <summary>{result.skippedFiles.length} file(s) not read</summary>
          <ul aria-label="Files not read">
            {result.skippedFiles.map((f) => (
              <li key={f.file}>
                <code>{f.file}</code>: {appProblemText(f.problem)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {result.skipped.map((s) => (
        <p key={s.maskedKey} className="warning">
          Not imported <code>{s.maskedKey}</code>: {appProblemText(s.problem)}
        </p>
      ))}
    </>
  );
}
