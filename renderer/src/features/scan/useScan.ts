import { useState } from 'react';
import type { ScanResult } from '../../../../electron/contract/views.js';
import { hostApi } from '../../api/client.js';
import { failureOf, type Failure } from '../../ui/placed-failure.js';
import { useApp } from '../../store/store.js';

/** A folder scan: look for keys in its .env files, then import the ones the vault lacks. */
export function useScan() {
  const toast = useApp((s) => s.toast);
  const [dir, setDir] = useState('');
  const [result, setResult] = useState<ScanResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function scan(importing: boolean) {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const scanned = await hostApi().scanFolder({ dir, import: importing });
      setResult(scanned);
      if (importing) toast(`Imported ${scanned.imported.length} key(s); ${scanned.skipped.length} not imported`, 'success');
      else toast(`Found ${scanned.findings.length} key(s)${scanned.references.length > 0 ? ` and ${scanned.references.length} reference(s)` : ''} in .env files`, 'info');
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

  return {
    dir,
    setDir,
    result,
    busy,
    failure,
    /** Keys found that the vault does not hold yet: what Import would store. */
    newOnes: result?.findings.filter((f) => f.inVault === null).length ?? 0,
    scan,
    pick,
  };
}
