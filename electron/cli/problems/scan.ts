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
  'scan.replace-needs-import': () => '--replace-with-references rewrites the values a scan imports: add --import',
  'scan.replace-through-link': (p) => `${p.path} leads to ${p.resolved} through a symbolic link: not rewritten (scan the folder of ${p.resolved})`,
  'scan.replace-value-changed': (p) => `${p.variable} in ${p.path} no longer holds the imported key (the file changed since the scan): not rewritten; scan again`,
  'scan.replace-other-value': (p) =>
    `${p.variable} is set to another value on line ${p.line} of ${p.path}: rewriting would replace that line too, so nothing was rewritten (remove one of the ${p.variable}= lines, then scan again)`,
  'scan.finding-gone': (p) =>
    p.commit ? `commit ${p.commit.slice(0, 7)} holds no such key in ${p.path}: scan again` : `${p.path} no longer holds that key at line ${p.line}: scan again`,
  'scan.finding-unread': (p) => `${p.path} could not be read again (${p.reason}): nothing was added`,
  'scan.options-conflict': (p) => SCAN_CONFLICTS[p.conflict],
};

const SCAN_CONFLICTS: Record<Extract<ScanProblem, { code: 'scan.options-conflict' }>['conflict'], string> = {
  'one-source': '--git, --staged and --pushed each scan something else: give one of them (or none, for the folder)',
  'import-tree-only': '--import takes keys from the files of a folder: it does not go with --git, --staged or --pushed',
  'since-history-only': '--since is where a history scan starts: add --git',
  'one-format': '--json and --sarif are two formats of the same report: give one of them',
  'verify-not-hook': '--verify asks each provider over the network: not with --staged or --pushed (run keyturn scan --git --verify instead)',
  'write-baseline-not-import': '--write-baseline records findings as accepted; --import takes them into the vault: do one, then the other',
};
