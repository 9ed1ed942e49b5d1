import type { AreaWordings, InjectProblem } from '../../../electron/contract/problems.js';

// The app renders no template itself, but may show an inject target's problems (adding one, a
// rotation's swap): worded without any command-line option.
const WHY_FOREIGN = {
  'not-recorded': 'Keyturn did not write it',
  edited: 'it was changed since Keyturn wrote it',
} as const;

export const injectWordings: AreaWordings<InjectProblem> = {
  'inject.placeholder-unclosed': (p) => `Line ${p.line} of ${p.file ?? 'the template'} opens a key reference that is not closed: write it as {{ keyturn://PROVIDER/ORG/INSTANCE/NAME }} on one line.`,
  'inject.template-unreadable': (p) => `The template ${p.path} cannot be read: ${p.reason}.`,
  'inject.output-foreign': (p) => `${p.path} exists and ${WHY_FOREIGN[p.why]}, so it was not replaced. Move it away if it holds nothing you need.`,
  'inject.output-not-regular': (p) => `${p.path} is ${p.what}, not a regular file: choose a file to render into.`,
  'inject.output-no-folder': (p) => `The folder of ${p.path} does not exist: create ${p.folder} first.`,
  'inject.output-is-template': (p) => `${p.path} is the template itself: choose another file to render into.`,
  'inject.output-write-failed': (p) => `${p.path} could not be written (${p.osCode}); nothing was replaced.`,
  'inject.record-needs-files': () => 'A rendered file can be a swap target only when both its template and the file are files.',
  'inject.template-not-of-key': (p) => `The template ${p.template} holds no reference to ${p.ref}, so rotating it would not change the file.`,
};
