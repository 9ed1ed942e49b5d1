import { FolderOpen, FolderSearch } from 'lucide-react';
import type { FormEvent } from 'react';
import { isDesktop } from '../../api/client.js';
import { useApp } from '../../store/store.js';
import { FieldMessage, fieldMessageProps } from '../../ui/FieldMessage.js';
import { Modal } from '../../ui/Modal.js';
import { placeFailure } from '../../ui/placed-failure.js';
import { ScanFindings } from './ScanFindings.js';
import { useScan } from './useScan.js';

const FOLDER_NOTE = 'scan-folder-message';

// Busy buttons are aria-disabled, not disabled: a disabled button drops the focus to the page, and
// the dialog would then miss Escape and keyboard users would lose their place.

/** Find keys already sitting in .env files, see which the vault lacks, and import those with their files as swap targets. */
export function ScanDialog() {
  const close = useApp((s) => s.close);
  const scan = useScan();
  const { result } = scan;
  // The folder is the form's one input: a problem about a path belongs next to it.
  const placed = placeFailure(scan.failure, ['file'] as const);

  function submit(e: FormEvent) {
    e.preventDefault();
    void scan.scan(false);
  }

  return (
    <Modal
      title="Scan a folder for keys"
      onClose={close}
      wide
      footer={
        <>
          <button type="button" onClick={close}>
            Close
          </button>
          {result && scan.newOnes > 0 && result.imported.length === 0 && (
            <button type="button" className="primary" aria-disabled={scan.busy} onClick={() => void scan.scan(true)}>
              Import {scan.newOnes} new key(s)
            </button>
          )}
        </>
      }
    >
      <form className="inline-form" onSubmit={submit}>
        <input aria-label="Folder to scan" placeholder="~/code" value={scan.dir} onChange={(e) => scan.setDir(e.target.value)} required {...fieldMessageProps(FOLDER_NOTE, placed.at('file'))} />
        {isDesktop && (
          <button type="button" onClick={() => void scan.pick()}>
            <FolderOpen size={14} aria-hidden /> Choose…
          </button>
        )}
        <button type="submit" className="primary" aria-disabled={scan.busy}>
          <FolderSearch size={14} aria-hidden /> Scan
        </button>
      </form>
      <FieldMessage id={FOLDER_NOTE} text={placed.at('file')} />
      <p className="muted">Looks in .env files (node_modules and .git are skipped). Nothing is stored until you import.</p>
      {placed.general && (
        <p role="alert" className="error">
          {placed.general}
        </p>
      )}
      {result && <ScanFindings result={result} />}
    </Modal>
  );
}
