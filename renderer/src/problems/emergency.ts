import type { AreaWordings, EmergencyProblem } from '../../../electron/contract/problems.js';

const keys = (count: number) => (count === 1 ? 'one key' : `${count} keys`);

export const emergencyWordings: AreaWordings<EmergencyProblem> = {
  'emergency.already-revoked': (p) => `${p.ref} is already revoked: there is nothing left to revoke.`,
  'emergency.paste-lacks-key': (p) => `The pasted text does not hold ${p.ref}: paste the text it was found in, or revoke the key from its own page without pasting.`,
  'emergency.no-secret': (p) => `The keychain holds no secret for ${p.ref}: paste the leaked key instead.`,
  'emergency.production-not-confirmed': (p) => `Type the instance name "${p.instance}" exactly as shown to revoke a production key: nothing was revoked.`,
  'leak.too-long': (p) => `The pasted text is ${p.length.toLocaleString('en')} characters long, more than the ${p.max.toLocaleString('en')} looked at: paste only the lines around the key.`,
  'leak.empty': () => 'The pasted text holds no key (its value is empty): paste the leaked key itself.',
  'emergency.pick-out-of-range': (p) => `The pasted text holds ${keys(p.count)}: choose the one to revoke from the list.`,
  'emergency.several-keys': (p) => `The pasted text holds ${keys(p.count)}: choose the one to revoke from the list; nothing was revoked.`,
  'emergency.answer-not-a-choice': (p) => `Choose one of the ${keys(p.count)} in the list: nothing was revoked.`,
  'emergency.ref-or-leaked': () => 'Choose the key to revoke, or paste the leaked text.',
  'emergency.pick-needs-leaked': () => 'Choosing among the keys of a pasted text needs the pasted text: paste it first.',
  'emergency.resume-needs-ref': () => 'Checking a revocation again needs the key itself, not a pasted text: choose "Keep checking" on the key being revoked.',
  'emergency.not-confirmed': () => 'The revocation was not confirmed: nothing was revoked.',
};
