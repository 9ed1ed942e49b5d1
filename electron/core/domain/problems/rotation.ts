import * as z from 'zod';
import type { KeyStatus, RotationStepName, StepStatus } from '../model.js';
import { countParam, inputParam, nameParam, outsideTextParam, refParam } from './params.js';

// The model's lists, written out: importing model.ts would load its schemas into every host start
// (`keyturn key get` included). The engine passes the model's values, so the compiler checks both ways.
const KEY_STATUSES = ['active', 'pending', 'previous', 'expired', 'revoked'] as const satisfies readonly KeyStatus[];
const ROTATION_STEPS = ['create', 'swap', 'verify', 'revoke'] as const satisfies readonly RotationStepName[];
const STEP_STATUSES = ['waiting', 'running', 'done', 'failed'] as const satisfies readonly StepStatus[];

/**
 * Who runs a rotation, as its lock's owner record says (each host describes it). All absent when
 * no owner could be read: another Keyturn process holds it, nothing more is known. A pid of 0: the
 * lock was refreshed by a process that left no owner record (`since` is then the refresh).
 */
const rotationOwner = {
  pid: countParam.optional(),
  /** Which Keyturn: "the keyturn CLI", "the desktop app", "browser mode". */
  host: nameParam.optional(),
  machine: nameParam.optional(),
  /** When it took the rotation (ISO time), from the owner record another process wrote. */
  since: outsideTextParam.optional(),
};

/** Problems starting, resuming and running a rotation, and naming the old key at the provider. */
export const rotationProblems = [
  z.object({ code: z.literal('rotation.key-not-active'), ref: refParam, status: z.enum(KEY_STATUSES) }),
  z.object({ code: z.literal('rotation.no-in-place'), provider: nameParam }),
  /** A production rotation needs the instance name typed back; it was not (or not exactly). */
  z.object({ code: z.literal('rotation.production-not-confirmed'), field: z.literal('confirmName'), instance: nameParam }),
  z.object({ code: z.literal('rotation.not-in-progress'), ref: refParam }),
  /** Stopped, nobody runs it: resume it. Where it stopped: the first step not done, and what that step recorded. */
  z.object({
    code: z.literal('rotation.already-in-progress'),
    ref: refParam,
    step: z.enum(ROTATION_STEPS).optional(),
    status: z.enum(STEP_STATUSES).optional(),
    detail: outsideTextParam.optional(),
  }),
  /** Another process runs this key's rotation right now: wait for it. */
  z.object({ code: z.literal('rotation.already-running'), ref: refParam, ...rotationOwner }),
  /** The rotation's lock is held by another live process (`ref` absent where only the lock is known). */
  z.object({ code: z.literal('rotation.held'), ref: refParam.optional(), ...rotationOwner }),
  /** This process stopped answering, another took the rotation over: this one stopped before `step`. */
  z.object({ code: z.literal('rotation.taken-over'), ref: refParam, step: z.enum(ROTATION_STEPS), ...rotationOwner }),
  z.object({ code: z.literal('rotation.instance-removed') }),
  z.object({ code: z.literal('rotation.key-removed') }),
  z.object({ code: z.literal('rotation.not-found'), id: refParam }),
  /** The app answered a question the rotation no longer asks (another window answered, or it stopped). */
  z.object({ code: z.literal('rotation.not-waiting') }),
  /** A new key given up front (piped in) that is empty. */
  z.object({ code: z.literal('rotation.new-key-missing'), field: z.literal('secret') }),
  /** Abandon or use a different key once the old key's revoke has started: the rotation can only be finished. */
  z.object({ code: z.literal('rotation.revoke-started'), ref: refParam, action: z.enum(['abandon', 'replace']) }),
  /** The rotation is over (done or abandoned): nothing left to abandon or change. */
  z.object({ code: z.literal('rotation.finished'), ref: refParam, state: z.enum(['completed', 'abandoned']) }),
  /** Use a different key where the new key was made by the provider's API: abandon the rotation instead. */
  z.object({ code: z.literal('rotation.new-key-by-api'), ref: refParam, provider: nameParam }),
  /** The expiry given for the new key is earlier than the provider allows (`earliest`, YYYY-MM-DD). */
  z.object({ code: z.literal('rotation.expiry-too-soon'), field: z.literal('expires'), value: inputParam, earliest: outsideTextParam }),
  /** Abandon is asked together with something it cannot go with (resume, a different key, in place). */
  z.object({ code: z.literal('rotation.abandon-alone') }),
  /** A different key is asked for without resuming the rotation. */
  z.object({ code: z.literal('rotation.different-key-needs-resume') }),
  /** A swap target could not be given the old key back (`where`: the target, `reason`: why): the rotation stays as it was. */
  z.object({ code: z.literal('rotation.restore-failed'), ref: refParam, where: outsideTextParam, reason: outsideTextParam }),
  /** An expiry was given for a provider whose keys have none of their own. */
  z.object({ code: z.literal('rotation.expiry-not-native'), field: z.literal('expires'), provider: nameParam }),

  z.object({ code: z.literal('remote-id.no-key-api'), field: z.literal('remoteId'), provider: nameParam }),
  /** The id given is surely another key: a key of this vault (`name`), or this rotation's new key. */
  z.object({
    code: z.literal('remote-id.other-key'),
    field: z.literal('remoteId'),
    id: inputParam,
    is: z.enum(['vault-key', 'new-key']),
    name: nameParam.optional(),
  }),
  /** The id given is not among the ids the provider lists for the key's account (`listed`: those that could be it). */
  z.object({ code: z.literal('remote-id.not-listed'), field: z.literal('remoteId'), id: inputParam, listed: z.array(outsideTextParam) }),
  /** The answer to "which listed key is it" is none of the candidates (it is not repeated: it may be a key pasted at the wrong prompt). */
  z.object({ code: z.literal('remote-id.answer-not-listed'), field: z.literal('remoteId'), ref: refParam, candidates: z.array(outsideTextParam) }),
  /** Several listed keys could be this one and nobody can be asked here. */
  z.object({ code: z.literal('remote-id.undecided'), field: z.literal('remoteId'), provider: nameParam, ref: refParam }),
] as const;

export type RotationProblem = z.infer<(typeof rotationProblems)[number]>;
