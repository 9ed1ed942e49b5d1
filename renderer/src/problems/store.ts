import type { AreaWordings, StoreProblem } from '../../../electron/contract/problems.js';

/** Recovering the vault id is done from a terminal, with the app closed: the app only says so. */
const RECOVER = 'Close Keyturn and restore the vault id with the command-line tool\'s "vault recover-id" (the README\'s "Vault id" section says how), then open Keyturn again.';

const holdsNothing = (p: { records: number; service: string; id: string }) =>
  `The OS keychain holds none of the ${p.records} key secrets of this vault under ${p.service}, so ${p.id} is not this vault's id; nothing was written.`;

export const storeWordings: AreaWordings<StoreProblem> = {
  'vault.identity-lost': (p) =>
    `The vault id file ${p.idFile} ${p.state === 'missing' ? 'is missing' : `is damaged${p.why ? ` (${p.why})` : ''}`}${p.records > 0 ? ` while ${p.vaultFile} lists ${p.records} ${p.records === 1 ? 'record' : 'records'}` : ''}: ` +
    `a new id would hide every secret this vault stored, so Keyturn stops here. Your secrets are in the OS keychain under ${p.recordedService ?? 'keyturn:<id>'}. ${RECOVER}`,
  'vault.identity-mismatch': (p) =>
    `${p.vaultFile} belongs to the vault with id ${p.recordedId}, but ${p.idFile} says ${p.fileId}: the two files come from different vaults. Put back the matching vault-id.json, or ${RECOVER.charAt(0).toLowerCase()}${RECOVER.slice(1)}`,
  'vault.damaged': (p) =>
    `The vault file ${p.file} is damaged, so nothing can be saved until it is fixed (nothing was changed): ${p.parts.join('; ')}. ` +
    (p.lastGood ? `Fix it in that file, or close Keyturn and put back the last good copy, ${p.lastGood}.` : 'Fix it in that file (there is no backup copy yet).'),
  'vault.metadata-invalid': (p) => `Keyturn refused to save a change that would damage the vault (${p.where}: ${p.reason}); nothing was written. This is a bug: please report it.`,
  'recover-id.not-an-id': (p) => `"${p.value}" is not a vault id: it is 32 lowercase hex characters (the part after "keyturn:" of the keychain service name).`,
  'recover-id.not-recorded-id': (p) => `${p.given} is not the id ${p.recordedIn} records (${p.recordedId}); nothing was written.`,
  'recover-id.unknown': (p) => `${p.vaultFile} records no vault id and the keychain could not be searched for it. ${RECOVER}`,
  'recover-id.nothing-to-recover': (p) => `Nothing to recover: ${p.idFile} already holds the id ${p.id}.`,
  'recover-id.given-id-holds-nothing': holdsNothing,
  'recover-id.recorded-id-holds-nothing': holdsNothing,
  'recover-id.ambiguous': (p) => `The keychain holds this vault's keys under several vault ids (${p.ids.join(', ')}): one of them has to be chosen. ${RECOVER}`,
};
