import type { ScanResult } from '../../../../electron/contract/views.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { appProblemText } from '../../problems/wordings.js';
import { ScanReferences } from './ScanReferences.js';

/** What a scan found (keys masked, and references), what it imported, and what it did not read or import, with why. */
export function ScanFindings({ result }: { result: ScanResult }) {
  return (
    <>
      {result.findings.length === 0 ? (
        <p>No provider keys found under this folder.</p>
      ) : (
        <table className="scan-table" aria-label="Keys found">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Variable</th>
              <th scope="col">Key</th>
              <th scope="col">Provider</th>
              <th scope="col">In the vault</th>
            </tr>
          </thead>
          <tbody>
            {result.findings.map((f) => (
              <tr key={`${f.file}:${f.line}`}>
                <td className="mono">
                  {f.file}:{f.line}
                </td>
                <td className="mono">{f.variable}</td>
                <td className="mono">{f.maskedKey}</td>
                <td>
                  {f.providerId} {f.environment && <EnvBadge env={f.environment} />}
                </td>
                <td>{f.inVault ?? 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
          <ul>
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
