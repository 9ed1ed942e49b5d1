import { FolderOpen, FolderSearch } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { ScanResult } from '../../../../electron/contract/views.js';
import { api, isDesktop } from '../../api/client.js';
import { useApp } from '../../store/store.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { errorText } from '../../ui/format.js';
import { Modal } from '../../ui/Modal.js';
import { appProblemText } from '../../problems/wordings.js';

// Busy buttons are aria-disabled, not disabled: a disabled button drops the focus to the page, and
// the dialog would then miss Escape and keyboard users would lose their place.

/** Find keys already sitting in .env files, see which the vault lacks, and import those with their files as swap targets. */
export function ScanDialog() {
  const close = useApp((s) => s.close);
  const announce = useApp((s) => s.announce);
  const [dir, setDir] = useState('');
  const [result, setResult] = useState<ScanResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const newOnes = result?.findings.filter((f) => f.inVault === null).length ?? 0;

  async function scan(importing: boolean) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const scanned = await api.scanFolder({ dir, import: importing });
      setResult(scanned);
      if (importing) announce(`Imported ${scanned.imported.length} key(s); ${scanned.skipped.length} not imported`);
      else announce(`Found ${scanned.findings.length} key(s) in .env files`);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function pick() {
    try {
      const picked = await api.pathPick({ kind: 'folder' });
      if (picked.path) setDir(picked.path);
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <Modal title="Scan a folder for keys" onClose={close} wide>
      <form
        className="inline-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void scan(false);
        }}
      >
        <input aria-label="Folder to scan" placeholder="~/code" value={dir} onChange={(e) => setDir(e.target.value)} required />
        {isDesktop && (
          <button type="button" onClick={() => void pick()}>
            <FolderOpen size={14} aria-hidden /> Choose…
          </button>
        )}
        <button type="submit" className="primary" aria-disabled={busy}>
          <FolderSearch size={14} aria-hidden /> Scan
        </button>
      </form>
      <p className="muted">Looks in .env files (node_modules and .git are skipped). Nothing is stored until you import.</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result && (
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
      )}
      <div className="actions">
        <button type="button" onClick={close}>
          Close
        </button>
        {result && newOnes > 0 && result.imported.length === 0 && (
          <button type="button" className="primary" aria-disabled={busy} onClick={() => void scan(true)}>
            Import {newOnes} new key(s)
          </button>
        )}
      </div>
    </Modal>
  );
}
