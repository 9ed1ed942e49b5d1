import type { AuditExport } from '../../../../electron/contract/views.js';

/** Saves an export the host produced (the desktop app shows its save dialog; a browser its download). */
export function download(file: AuditExport): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.click();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
