import type { ScanProblem } from '../../core/domain/problems/scan.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

export const scanWordings: AreaWordings<ScanProblem> = {
  'scan.folder-not-full-path': (p) => `"${p.value}" is not a full path: give the folder's path from / (or ~/)`,
  'scan.folder-unreadable': (p) => `folder could not be read (${p.reason})`,
  'scan.folder-missing': (p) => (p.is === 'file' ? `${p.path} is a file, not a folder: give the folder to scan` : `there is no folder ${p.path}: check the path`),
  'scan.symbolic-link': () => 'a symbolic link, not followed (scan or add the file it points to)',
  'scan.not-regular-file': (p) => `not a regular file (${p.kind}), not opened`,
  'scan.file-unread': (p) => p.reason,
  'scan.no-instance': (p) =>
    `no ${p.provider}${p.env ? ` ${p.env}` : ''}${p.org ? ` (organization ${p.org})` : ''} instance: add one with "keyturn instance add ${p.provider} ${p.org ?? 'ORG'} NAME --env ${p.env ?? 'sandbox|production'}"`,
  'scan.several-instances': (p) => `${p.count} instances fit (${p.instances.join(', ')}): add this key by hand with "keyturn key add"`,
};
