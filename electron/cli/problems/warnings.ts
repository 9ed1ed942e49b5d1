import type { WarningProblem } from '../../core/domain/problems/warnings.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

export const warningWordings: AreaWordings<WarningProblem> = {
  'audit.unrecorded': (p) => `the audit log could not record ${p.action} (${p.reason}): the action itself was done`,
  'store.moved-aside': (p) =>
    `the vault metadata file was unreadable (${p.reason}); it was moved to ${p.movedTo} and an empty one started. ` +
    (p.lastGood === null
      ? 'Your secrets are still in the keychain, but there is no backup of the file to restore.'
      : `Your secrets are still in the keychain; the last good copy of the file (from ${p.lastGoodAt ?? 'an earlier write'}) is ${p.lastGood}: to restore it, close Keyturn and run: cp '${p.lastGood}' '${p.location}'`),
};
