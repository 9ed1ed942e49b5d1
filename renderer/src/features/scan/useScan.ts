import { useState } from 'react';
import type { KeyView, ScanResult } from '../../../../electron/contract/views.js';
import { hostApi } from '../../api/client.js';
import { failureOf, type Failure } from '../../ui/placed-failure.js';
import { useApp } from '../../store/store.js';

/** What a scan announces: the keys found, the references, and the history read. */
function foundText(scanned: ScanResult): string {
  const references = scanned.references.length > 0 ? ` and ${scanned.references.length} reference(s)` : '';
  const history = scanned.history ? ` in the files and ${scanned.history.commits} commit(s)` : '';
  return `Found ${scanned.findings.length} key(s)${references}${history}`;
}

/**
 * A folder scan: look for keys in its text files (and, asked for, in its git history), then import
 * the ones the vault lacks, or add one at a time (Add to vault).
 */
export function useScan() {
  const toast = useApp((s) => s.toast);
  const [dir, setDir] = useState('');
  const [result, setResult] = useState<ScanResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  /** `history`: also the commits reachable from HEAD; absent, as the last scan of this folder did. */
  async function scan(importing: boolean, history?: boolean) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    // An import scans again as the result shown was scanned: its history stays on screen.
    const withHistory = history ?? (result !== null && result.history !== null);
    try {
      const scanned = await hostApi().scanFolder({ dir, import: importing, ...(withHistory ? { history: true } : {}) });
      setResult(scanned);
      if (importing) toast(`Imported ${scanned.imported.length} key(s); ${scanned.skipped.length} not imported`, 'success');
      else toast(foundText(scanned), 'info');
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function pick() {
    try {
      const picked = await hostApi().pathPick({ kind: 'folder' });
      if (picked.path) setDir(picked.path);
    } catch (err) {
      setFailure(failureOf(err));
    }
  }

  /** A key added from a finding: every place of it now shows as that vault key. */
  function added(fingerprint: string, key: KeyView) {
    setResult((r) =>
      r === null
        ? r
        : {
            ...r,
            findings: r.findings.map((f) =>
              f.fingerprint === fingerprint ? { ...f, inVault: key.ref, match: { keyId: key.id, ref: key.ref, environment: key.env, status: key.status, maskedKey: key.maskedKey } } : f,
            ),
          },
    );
  }

  return {
    dir,
    setDir,
    result,
    busy,
    failure,
    /** Keys found in the files that the vault does not hold yet: what Import would store (the history's are added one by one). */
    newOnes: new Set(result?.findings.filter((f) => f.inVault === null && f.commit === null).map((f) => f.fingerprint)).size,
    scan,
    pick,
    added,
  };
}

export type ScanControl = ReturnType<typeof useScan>;
