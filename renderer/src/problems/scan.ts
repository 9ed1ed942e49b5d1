import type { AreaWordings, ScanProblem } from '../../../electron/contract/problems.js';

// Shown after the file or the key they are about ("linked.env: …", "Not imported nte_…: …"), except the
// first, which is the scan's own refusal.
export const scanWordings: AreaWordings<ScanProblem> = {
  'scan.folder-not-full-path': (p) => `"${p.value}" is not a full path: enter the folder's path from / (or from ~/).`,
  'scan.folder-unreadable': (p) => `this folder could not be read (${p.reason})`,
  'scan.folder-missing': (p) => (p.is === 'file' ? `${p.path} is a file, not a folder: enter the folder to scan.` : `There is no folder ${p.path}: check the path and scan again.`),
  'scan.symbolic-link': () => 'a symbolic link, not followed (scan the folder of the file it points to instead)',
  'scan.not-regular-file': (p) => `not a regular file (${p.kind}), not opened`,
  'scan.file-unread': (p) => `not read: ${p.reason}`,
  'scan.no-instance': (p) =>
    `no ${p.provider}${p.env ? ` ${p.env}` : ''}${p.org ? ` (organization ${p.org})` : ''} instance to put it in: add that instance first (Add key, new instance), then import again`,
  'scan.several-instances': (p) => `${p.count} instances fit (${p.instances.join(', ')}): add this key with Add key and choose its instance`,
  'scan.replace-needs-import': () => 'Values are turned into references only for the keys a scan imports: import them to replace their values.',
  'scan.replace-through-link': (p) => `${p.path} leads to ${p.resolved} through a symbolic link: not rewritten (scan the folder of ${p.resolved} instead)`,
  'scan.replace-value-changed': (p) => `${p.variable} in ${p.path} no longer holds the imported key (the file changed since the scan): not rewritten; scan again`,
  'scan.replace-other-value': (p) =>
    `${p.variable} is set to another value on line ${p.line} of ${p.path}: rewriting would replace that line too, so nothing was rewritten (keep one ${p.variable}= line, then scan again)`,
  'scan.finding-gone': (p) =>
    p.commit
      ? `Commit ${p.commit.slice(0, 7)} holds no such key in ${p.path}. Nothing was added: scan again.`
      : `${p.path} no longer holds that key at line ${p.line} (the file changed since the scan). Nothing was added: scan again.`,
  'scan.finding-unread': (p) => `${p.path} could not be read again (${p.reason}). Nothing was added: check the file, then scan again.`,
  'scan.options-conflict': (p) => SCAN_CONFLICTS[p.conflict],
};

const SCAN_CONFLICTS: Record<Extract<ScanProblem, { code: 'scan.options-conflict' }>['conflict'], string> = {
  'one-source': 'Scan one thing at a time: a folder, its history, or what is about to be committed or pushed.',
  'import-tree-only': 'Keys are imported from the files of a folder, not from its history.',
  'since-history-only': 'A starting point applies to a history scan only.',
  'one-format': 'Choose one format for the report.',
  'verify-not-hook': 'Keys found in a commit or a push are not checked with their providers: scan the history to check them.',
  'write-baseline-not-import': 'Accept the findings or import them, one after the other.',
};
