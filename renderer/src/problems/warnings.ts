import type { AreaWordings, WarningProblem } from '../../../electron/contract/problems.js';

export const warningWordings: AreaWordings<WarningProblem> = {
  'audit.unrecorded': (p) => `What you did (${p.action}) was done, but the audit log could not record it (${p.reason}). Free space where the vault is kept so the next actions are recorded.`,
  'store.moved-aside': (p) =>
    `The vault's metadata file could not be read (${p.reason}), so it was moved to ${p.movedTo} and an empty vault started. Your secrets are still in the keychain. ` +
    (p.lastGood === null
      ? 'There is no earlier copy of the file to restore.'
      : `The last good copy (from ${p.lastGoodAt ?? 'an earlier save'}) is ${p.lastGood}: quit Keyturn and copy it over ${p.location} to restore it.`),
};
