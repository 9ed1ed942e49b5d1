import { FolderOpen, FolderSearch, History } from 'lucide-react';
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

/**
 * Find keys sitting in a folder's text files (and, in a git repository, its history): the vault's
 * own, one click from Rotate or Emergency revoke; the others, to import or add one by one.
 */
export function ScanDialog() {
  const close = useApp((s) => s.close);
  const scan = useScan();
  const { result } = scan;
  // The folder is the form's one input: a problem about a path belongs next to it.
  const placed = placeFailure(scan.failure, ['file'] as const);

  function submit(e: FormEvent) {
    e.preventDefault();
    // A new scan reads the files; the history is asked for once the folder proves a repository.
    void scan.scan(false, false);
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
      <p className="muted">
        Reads every text file under the folder (source code, <code>.env</code>, JSON, YAML…); skips binary files, <code>node_modules</code> and what <code>.gitignore</code> excludes. Nothing is stored until you import or add a key.
      </p>
      {placed.general && (
        <p role="alert" className="error">
          {placed.general}
        </p>
      )}
      {result?.gitRepository && (
        <div className="scan-history">
          {result.history ? (
            <p className="muted">This folder is a git repository: {result.history.commits} commit(s) of its history were read too.</p>
          ) : (
            <>
              <p>This folder is a git repository: a key added in a commit and removed since has still leaked.</p>
              <button type="button" aria-disabled={scan.busy} onClick={() => void scan.scan(false, true)}>
                <History size={14} aria-hidden /> Scan history too
              </button>
            </>
          )}
        </div>
      )}
      {scan.busy && (
        <p role="status" className="muted">
          Scanning…
        </p>
      )}
      {result && <ScanFindings result={result} scan={scan} />}
    </Modal>
  );
}
