import type { AreaWordings, ProblemOf, RotationProblem } from '../../../electron/contract/problems.js';

type OwnerParams = Pick<ProblemOf<'rotation.held'>, 'pid' | 'host' | 'machine' | 'since'>;

/** Who runs a rotation, as the interrupted-rotations banner says it. */
function runningIn(p: OwnerParams): string {
  if (p.pid === undefined) return 'another Keyturn process';
  const since = p.since ? `${p.since.slice(0, 19).replace('T', ' ')} UTC` : 'an unknown time';
  if (p.pid === 0) return `another Keyturn process (it left no owner record; its lock was refreshed at ${since})`;
  return `process ${p.pid} (${p.host ?? 'Keyturn'} on ${p.machine ?? 'an unknown machine'}, since ${since})`;
}

/** An id from the provider's list, quoted so a control character in it is shown, not obeyed. */
const quoted = (text: string) => JSON.stringify(text);

const OLD_KEY_LIST = '"Which of these is the old key?"';

function stoppedAt(p: ProblemOf<'rotation.already-in-progress'>): string {
  if (!p.step) return 'every step is done';
  return `stopped at ${p.step}, ${p.status ?? 'waiting'}${p.detail ? `: ${p.detail}` : ''}`;
}

export const rotationWordings: AreaWordings<RotationProblem> = {
  'rotation.key-not-active': (p) => `${p.ref} is ${p.status}, not active: only the current key can be rotated. Open the active key of this name to rotate it.`,
  'rotation.no-in-place': (p) => `${p.provider} cannot rotate a key in place: untick "Rotate in place" and start the rotation again.`,
  'rotation.production-not-confirmed': (p) => `Type the instance name "${p.instance}" exactly as shown to rotate a production key: nothing was changed.`,
  'rotation.not-in-progress': (p) => `No rotation of ${p.ref} is in progress: start one with Rotate on the key.`,
  'rotation.already-in-progress': (p) => `A rotation of ${p.ref} is already in progress (${stoppedAt(p)}): carry it on with "Resume it" under Interrupted rotations.`,
  'rotation.already-running': (p) => `A rotation of ${p.ref} is already running in ${runningIn(p)}: wait for it to finish there, then open it here again.`,
  'rotation.held': (p) => `This rotation is running in ${runningIn(p)}: wait for it to finish there, then open it here again.`,
  'rotation.taken-over': (p) => `${runningIn(p)} took the rotation of ${p.ref} over after this window stopped answering, so this window stopped before the ${p.step} step: wait for it to finish there.`,
  'rotation.instance-removed': () => 'The instance of this rotation was removed from the vault: there is nothing left to rotate.',
  'rotation.key-removed': () => 'The key being rotated was removed from the vault: there is nothing left to rotate.',
  'rotation.not-found': () => 'This rotation is no longer in the vault: reload the window.',
  'rotation.not-waiting': () => 'This rotation is not waiting for an answer: reload it.',
  'rotation.new-key-missing': () => 'No new key was given: create it in the dashboard, then paste it here; nothing was changed.',
  'rotation.revoke-started': (p) =>
    `The old key of ${p.ref} is being revoked already, so this rotation can no longer be ${p.action === 'abandon' ? 'abandoned' : 'given a different key'}: carry it on with "Resume" to finish it.`,
  'rotation.finished': (p) => `The rotation of ${p.ref} is ${p.state === 'completed' ? 'complete' : 'abandoned already'}: nothing was changed.`,
  'rotation.new-key-by-api': (p) => `${p.provider} created the new key of ${p.ref} itself, so there is no different key to paste: choose "Abandon the rotation", then start a new one.`,
  'rotation.expiry-too-soon': (p) => `The expiry date ${p.value} is too soon: the earliest the provider allows is ${p.earliest}. Enter the date you chose in the dashboard.`,
  'rotation.abandon-alone': () => 'Abandoning a rotation cannot be combined with carrying it on: choose one.',
  'rotation.different-key-needs-resume': () => 'A different key can only be pasted into a rotation that is carried on: choose "Use a different key" in the wizard.',
  'rotation.restore-failed': (p) => `${p.where} could not be given the old key back (${p.reason}): the rotation of ${p.ref} is as it was. Fix the file, then try again.`,
  'rotation.expiry-not-native': (p) => `${p.provider} keys have no expiry date of their own: leave Expires empty.`,
  'remote-id.no-key-api': (p) => `${p.provider} has no key API, so Keyturn never needs a key's id there: nothing was changed.`,
  'remote-id.other-key': (p) => `The key ${quoted(p.id)} is ${p.is === 'vault-key' ? `the key "${p.name ?? ''}" in this vault` : "this rotation's new key"}, not the old key: choose another under ${OLD_KEY_LIST}.`,
  'remote-id.not-listed': (p) => `The key ${quoted(p.id)} is not among the keys the provider lists for this key's account: choose one under ${OLD_KEY_LIST}.`,
  'remote-id.answer-not-listed': () => `That answer is not one of the keys under ${OLD_KEY_LIST}: nothing was changed; choose one of those.`,
  'remote-id.undecided': (p) => `Keyturn cannot tell which of the keys ${p.provider} lists is ${p.ref}: choose it under ${OLD_KEY_LIST}.`,
};
