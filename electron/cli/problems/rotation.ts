import type { ProblemOf } from '../../core/domain/problems/catalogue.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';
import type { RotationProblem } from '../../core/domain/problems/rotation.js';

type OwnerParams = Pick<ProblemOf<'rotation.held'>, 'pid' | 'host' | 'machine' | 'since'>;

/**
 * The owner a problem carries, in the words `rotation status` uses (describeOwner in
 * core/rotation/rotation-lock.ts; a test keeps them the same), or `none` when it is unknown.
 * Written here, not imported: `keyturn key get` loads these wordings and none of the rotation.
 */
export function ownerWords(p: OwnerParams, none: string): string {
  if (p.pid === undefined) return none;
  const since = (p.since ?? '').replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
  if (p.pid === 0) return `another Keyturn process (it left no owner record; its lock was refreshed at ${since})`;
  return `process ${p.pid} (${p.host ?? 'Keyturn'} on ${p.machine ?? 'an unknown machine'}, since ${since})`;
}

/** The provider's text (an id): JSON-quoted, so no control character or escape reaches a terminal raw. */
const quoted = (text: string) => JSON.stringify(text);

function progress(p: ProblemOf<'rotation.already-in-progress'>): string {
  if (!p.step) return 'all steps done';
  return `${p.step} ${p.status ?? 'waiting'}${p.detail ? `: ${p.detail}` : ''}`;
}

export const rotationWordings: AreaWordings<RotationProblem> = {
  'rotation.key-not-active': (p) => `${p.ref} is ${p.status}, not active: only the current key can be rotated`,
  'rotation.no-in-place': (p) => `${p.provider} has no in-place rotation: leave out --in-place`,
  'rotation.production-not-confirmed': () => 'the instance name was not typed back: nothing was changed',
  'rotation.not-in-progress': (p) => `no rotation of ${p.ref} is in progress: start one with "keyturn rotate ${p.ref}"`,
  'rotation.already-in-progress': (p) => `a rotation of ${p.ref} is already in progress (${progress(p)}): resume it with "keyturn rotate ${p.ref} --resume"`,
  'rotation.already-running': (p) => `a rotation of ${p.ref} is already running: held by ${ownerWords(p, 'another process')}. Wait for it to finish ("keyturn rotation status ${p.ref}" shows where it is)`,
  'rotation.held': (p) =>
    p.ref === undefined
      ? `this rotation is held by ${ownerWords(p, 'another process')}`
      : `the rotation of ${p.ref} is held by ${ownerWords(p, 'another process')}: it is running there, so nothing was done here. Wait for it to finish ("keyturn rotation status ${p.ref}" shows where it is)`,
  'rotation.taken-over': (p) => `another process took this rotation over${p.pid === undefined ? '' : ` (${ownerWords(p, '')})`} after this one stopped answering; this process stopped before ${p.step}`,
  'rotation.instance-removed': () => 'the instance of this rotation was removed from the vault',
  'rotation.key-removed': () => 'the key being rotated was removed from the vault',
  'rotation.not-found': (p) => `rotation ${p.id} is no longer in the vault metadata`,
  'rotation.not-waiting': () => 'this rotation is not waiting for an answer',
  'rotation.new-key-missing': () => 'no new key was given: create it in the dashboard, then pipe it in (--new-key-stdin); nothing was changed',
  'rotation.revoke-started': (p) =>
    `the old key's revoke has started, so the rotation of ${p.ref} can no longer be ${p.action === 'abandon' ? 'abandoned' : 'given a different key'}: finish it with "keyturn rotate ${p.ref} --resume"`,
  'rotation.finished': (p) => `the rotation of ${p.ref} is ${p.state === 'completed' ? 'complete' : 'abandoned already'}: nothing was changed`,
  'rotation.new-key-by-api': (p) => `${p.provider} created the new key of ${p.ref} by its API, so there is no different key to paste: abandon the rotation with "keyturn rotate ${p.ref} --abandon" and start a new one`,
  'rotation.expiry-too-soon': (p) => `the expiry ${p.value} is too soon: the earliest the provider allows is ${p.earliest}`,
  'rotation.abandon-alone': () => '--abandon goes alone: leave out --resume, --different-key and --in-place',
  'rotation.different-key-needs-resume': () => '--different-key goes with --resume: keyturn rotate REF --resume --different-key',
  'rotation.restore-failed': (p) => `${p.where} could not be given the old key back (${p.reason}): the rotation of ${p.ref} is as it was; fix the file, then try again`,
  'rotation.expiry-not-native': (p) => `${p.provider} keys have no expiry date of their own: leave the expiry out (a rotation policy sets their maximum age)`,
  'remote-id.no-key-api': (p) => `${p.provider} has no key API, so Keyturn never needs a key's id there: leave out the remote id; nothing was changed`,
  'remote-id.other-key': (p) => `the remote id ${quoted(p.id)} is ${p.is === 'vault-key' ? `the key "${p.name ?? ''}" in this vault` : "this rotation's new key"}, not this one: choose another of the listed ids`,
  'remote-id.not-listed': (p) => `the remote id ${quoted(p.id)} is not among the keys the provider lists for this key's account (${p.listed.map(quoted).join(', ') || 'none'}): give one of those`,
  'remote-id.answer-not-listed': (p) => `the answer is not one of the listed keys that could be ${p.ref} (${p.candidates.map(quoted).join(', ')}): nothing was changed; choose one of those`,
  'remote-id.undecided': (p) => `Keyturn cannot tell which of the keys ${p.provider} lists is ${p.ref}: pass --remote-id with one of the ids above`,
};
