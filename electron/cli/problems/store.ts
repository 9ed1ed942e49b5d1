import type { StoreProblem } from '../../core/domain/problems/store.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

function identityLost(p: Extract<StoreProblem, { code: 'vault.identity-lost' }>): string {
  const what = p.state === 'missing' ? 'is missing' : p.why ? `is damaged (${p.why})` : 'is damaged';
  const holds = p.records > 0 ? `, and ${p.vaultFile} lists ${p.records} ${p.records === 1 ? 'record' : 'records'} (keys and instances)` : '';
  const where = p.recordedService
    ? `Your secrets are in the OS keychain under ${p.recordedService} (recorded in ${p.recordedIn}): run "keyturn vault recover-id" to restore the file.`
    : 'Your secrets are in the OS keychain under keyturn:<id>: run "keyturn vault recover-id" to find that id in the keychain and restore the file (or give it with --id <id>, the keychain service name as e.g. "Passwords and Keys" shows it).';
  return `the vault id file ${p.idFile} ${what}${holds}; a new id would hide every secret this vault stored, so Keyturn stops here. ${where}`;
}

const holdsNothing = (p: { records: number; service: string; id: string }) =>
  `the OS keychain holds none of the ${p.records} key secrets of this vault under ${p.service}, so ${p.id} is not this vault's id; nothing was written`;

export const storeWordings: AreaWordings<StoreProblem> = {
  'vault.identity-lost': identityLost,
  'vault.identity-mismatch': (p) =>
    `${p.vaultFile} belongs to the vault with id ${p.recordedId}, but ${p.idFile} says ${p.fileId}: the two files come from different vaults. ` +
    `Put back the matching vault-id.json, or run "keyturn vault recover-id --id ${p.recordedId}" if vault.json is the right one`,
  'vault.damaged': (p) => vaultDamageText(p, p.refused ? 'nothing was changed' : ''),
  'vault.metadata-invalid': (p) => `the vault's metadata would become invalid (${p.where}: ${p.reason}); nothing was written`,
  'recover-id.not-an-id': (p) => `--id "${p.value}" is not a vault id: it is 32 lowercase hex characters (the part after "keyturn:" of the keychain service name)`,
  'recover-id.not-recorded-id': (p) =>
    `--id ${p.given} is not the id ${p.recordedIn} records (${p.recordedId}): run "keyturn vault recover-id" without --id to restore ${p.recordedId}; nothing was written`,
  'recover-id.unknown': (p) =>
    `${p.vaultFile} records no vault id (it was last written by an older Keyturn) and the keychain could not be searched for it: pass --id <id>, the part after "keyturn:" of the keychain service name that holds this vault's keys`,
  'recover-id.nothing-to-recover': (p) => `nothing to recover: ${p.idFile} already holds the id ${p.id}`,
  'recover-id.given-id-holds-nothing': (p) => `--id: ${holdsNothing(p)}`,
  'recover-id.recorded-id-holds-nothing': holdsNothing,
  'recover-id.ambiguous': (p) => `the keychain holds this vault's keys under several vault ids (${p.ids.map((id, i) => `${id}: ${p.counts[i] ?? 0}`).join(', ')}): choose one with --id`,
};

/** The damaged parts, each on its own line, and how to fix them: a copy command where there is a good copy. */
function vaultDamageText(damage: { file: string; lastGood?: string | undefined; parts: readonly string[] }, outcome = ''): string {
  const { file, lastGood, parts } = damage;
  const restore = lastGood
    ? `fix ${parts.length === 1 ? 'it' : 'them'} in ${file}, or restore the last good copy: cp '${lastGood}' '${file}'`
    : `fix ${parts.length === 1 ? 'it' : 'them'} in ${file} (there is no backup copy yet)`;
  const head = `the vault metadata is damaged, so ${parts.length === 1 ? 'this part is' : 'these parts are'} left out and no change can be saved until it is fixed${outcome ? ` (${outcome})` : ''}`;
  return `${head}:\n  ${parts.join('\n  ')}\n${restore}`;
}
