import type { InjectProblem } from '../../core/domain/problems/inject.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

const WHY_FOREIGN = {
  'not-recorded': 'Keyturn did not write it',
  edited: 'it was changed since Keyturn wrote it',
} as const;

export const injectWordings: AreaWordings<InjectProblem> = {
  'inject.placeholder-unclosed': (p) => `${p.file ?? 'the template'}:${p.line}: "${p.value}" opens a placeholder that is not closed: write {{ keyturn://PROVIDER/ORG/INSTANCE/NAME }} on one line`,
  'inject.template-unreadable': (p) => `cannot read the template ${p.path}: ${p.reason}`,
  'inject.output-foreign': (p) => `${p.path} exists and ${WHY_FOREIGN[p.why]}: nothing was written; give --force to replace it, or choose another -o`,
  'inject.output-not-regular': (p) => `${p.path} is ${p.what}, not a regular file: nothing was written; give -o the path of a file`,
  'inject.output-no-folder': (p) => `the folder of ${p.path} (${p.folder}) does not exist: nothing was written`,
  'inject.output-is-template': (p) => `-o ${p.path} is the template itself: rendering would replace its references with secrets; give another -o`,
  'inject.output-write-failed': (p) => `could not write ${p.path} (${p.osCode}): nothing was replaced`,
  'inject.record-needs-files': () => '--record-target needs -i TEMPLATE and -o OUTPUT: a rotation renders the template into the file again',
  'inject.template-not-of-key': (p) => `the template ${p.template} holds no {{ keyturn://… }} reference to ${p.ref}: a rotation of it would not change the file`,
};
