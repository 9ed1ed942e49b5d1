import type { AreaWordings } from '../../core/domain/problems/wording.js';
import type { EmergencyProblem } from '../../core/domain/problems/emergency.js';

export const emergencyWordings: AreaWordings<EmergencyProblem> = {
  'emergency.already-revoked': (p) => `${p.ref} is already revoked`,
  'emergency.paste-lacks-key': (p) => `the pasted text does not hold ${p.ref}: paste the text it was found in, or revoke it by its reference alone`,
  'emergency.no-secret': (p) => `the keychain holds no secret for ${p.ref}: paste the leaked key with --leaked instead`,
  'emergency.production-not-confirmed': (p) => `the instance name "${p.instance}" was not typed back: nothing was revoked`,
  'leak.too-long': (p) => `the pasted text is ${p.length.toLocaleString('en')} characters long, more than the ${p.max.toLocaleString('en')} looked at: paste only the lines around the key`,
  'leak.empty': () => 'the pasted text holds no key (its value is empty): paste the leaked key itself',
  'emergency.pick-out-of-range': (p) => `--pick ${p.pick}: the pasted text holds ${p.count === 1 ? 'one key' : `${p.count} keys`}; pick a number from 1 to ${p.count}`,
  'emergency.several-keys': (p) => `the pasted text holds ${p.count} keys (listed above): choose one with --pick N, or pass just that key; nothing was revoked`,
  'emergency.answer-not-a-choice': (p) => `the answer is not a number from 1 to ${p.count}: nothing was revoked`,
  'emergency.ref-or-leaked': () => 'give a key reference, or --leaked with the leaked key on stdin',
  'emergency.pick-needs-leaked': () => '--pick chooses among the keys of a pasted text: use it with --leaked',
  'emergency.resume-needs-ref': () => '--resume keeps checking a key already being revoked: give its reference instead of --leaked',
  'emergency.not-confirmed': () => 'pass --yes to revoke without a terminal',
};
