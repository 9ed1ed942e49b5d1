import type { Rotation } from '../core/domain/model.js';
import { fail } from '../core/domain/problems/problem-error.js';
import type { BegunRotation, RotationEngine } from '../core/node/rotation/engine.js';
import type { RotationInteraction } from '../core/rotation/interaction.js';
import { describeOwner, type RotationLease, type RotationOwner } from '../core/rotation/rotation-lock.js';
import type { MetadataStore } from '../core/store/metadata-store.js';
import { keyRef } from '../core/vault/refs.js';
import type { GuidedStep, RotationQuestion, RotationView } from '../contract/views.js';
import { callFailure, type CallFailure } from './call-failure.js';

type Answer = { kind: 'paste'; secret: string; expiresOn?: string | undefined } | { kind: 'confirm'; yes: boolean } | { kind: 'stop' } | { kind: 'remote-id'; remoteId: string | null };

interface Session {
  running: boolean;
  /** The run under way, settled when it stops. */
  done: Promise<void> | null;
  question: RotationQuestion | null;
  answer: ((answer: Answer) => void) | null;
  revokeGuide: GuidedStep | null;
  /** Why the last run stopped with an error once it was running here (it reaches the wizard with its code). */
  failure: CallFailure | null;
  /** Called once the run parks its next question or stops (a "use a different key" waits for the paste question). */
  settled: (() => void)[];
}

/**
 * Rotations driven from the app: each runs in the host in the background; when it needs the
 * person (paste the new key, confirm a warning) it parks a question the wizard answers with a
 * call. The persisted rotation stays the source of truth; this only holds what is live.
 */
export class RotationSessions {
  readonly #sessions = new Map<string, Session>();

  constructor(
    private readonly engine: RotationEngine,
    private readonly metadata: MetadataStore,
    private readonly changed: (rotationId: string) => void,
    private readonly revokeWaitMs = 300_000,
  ) {}

  async start(ref: string, inPlace: boolean, confirmInstanceName: string | undefined): Promise<RotationView> {
    const confirm = async (instanceName: string) => confirmInstanceName === instanceName;
    let id = '';
    const interaction = this.#interaction(() => id, confirm);
    // A name not typed back is the problem rotation.production-not-confirmed: the app words it for the wizard's field.
    const begun: BegunRotation = await this.engine.begin(ref, interaction, { inPlace, yes: false, revokeWaitMs: this.revokeWaitMs });
    id = begun.id;
    // begin already holds the rotation for this host: the run keeps that lease, so no other
    // process can find it in progress and unowned between the record and the first step.
    await this.#launch(id, interaction, begun.lease);
    return this.view(id);
  }

  async resume(ref: string): Promise<RotationView> {
    const id = this.engine.inProgressId(ref);
    if (!this.#sessions.get(id)?.running) await this.#launch(id, this.#interaction(() => id, async () => true));
    return this.view(id);
  }

  answer(rotationId: string, answer: Answer): RotationView {
    const session = this.#sessions.get(rotationId);
    if (!session?.answer) fail('rotation.not-waiting', {});
    const reply = session.answer;
    session.answer = null;
    session.question = null;
    reply(answer);
    return this.view(rotationId);
  }

  /**
   * Abandon: a run of this host that waits for the person is stopped first (as "Stop here"), so
   * its lock is free; one that is working (not waiting) is `busy` until it stops. Then core
   * abandons it (refused once the old key's revoke has started).
   */
  async abandon(rotationId: string): Promise<RotationView> {
    await this.#stopWaiting(rotationId);
    const session = this.#sessions.get(rotationId);
    if (session) session.failure = null;
    await this.engine.abandon(rotationId);
    this.changed(rotationId);
    return this.view(rotationId);
  }

  /**
   * Use a different key: the run waiting here is stopped, core discards the pasted key, and a new
   * run asks for the key again; resolves once it does (the view carries the paste question).
   */
  async replaceNewKey(rotationId: string): Promise<RotationView> {
    await this.#stopWaiting(rotationId);
    await this.engine.replaceNewKey(rotationId);
    const session = this.#session(rotationId);
    const asked = new Promise<void>((resolve) => session.settled.push(resolve));
    await this.#launch(rotationId, this.#interaction(() => rotationId, async () => true));
    await asked;
    return this.view(rotationId);
  }

  /** A run of this host parked on a question is answered "stop" and awaited; one at work is left to the lock. */
  async #stopWaiting(rotationId: string): Promise<void> {
    const session = this.#sessions.get(rotationId);
    if (!session?.answer) return;
    this.answer(rotationId, { kind: 'stop' });
    await session.done;
  }

  view(rotationId: string): RotationView {
    const doc = this.metadata.read();
    const rotation = this.engine.get(doc, rotationId);
    const instance = doc.instances.find((i) => i.id === rotation.instanceId);
    const key = doc.keys.find((k) => k.id === rotation.newKeyId && k.status === 'active') ?? doc.keys.find((k) => k.id === rotation.oldKeyId);
    const session = this.#sessions.get(rotationId);
    return {
      rotation,
      ref: instance && key ? keyRef(instance, key) : rotation.oldKeyId,
      env: instance?.env ?? 'production',
      instanceName: instance?.name ?? '',
      running: session?.running ?? false,
      // Only a rotation in progress can be held; finished history costs no lock lookup.
      heldBy: session?.running || rotation.state !== 'in-progress' ? null : describeHolder(this.engine.holder(rotationId)),
      question: session?.question ?? null,
      revokeGuide: session?.running ? session.revokeGuide : null,
      failure: session?.failure ?? null,
      // The sites of whichever key holds the name now: the old key's until verify, the new key's after.
      referenceSites: key?.referenceSites ?? [],
    };
  }

  inProgress(): RotationView[] {
    return this.metadata.read().rotations.filter((r: Rotation) => r.state === 'in-progress').map((r) => this.view(r.id));
  }

  /**
   * Runs the rotation in the background; resolves once this host owns it. When another process
   * (the CLI, the other UI host) runs it, rejects with the problem the wizard shows: who, and to wait.
   */
  #launch(id: string, interaction: RotationInteraction, lease?: RotationLease): Promise<void> {
    const session = this.#session(id);
    session.running = true;
    session.revokeGuide = null;
    session.failure = null;
    this.changed(id);
    let ownedHere = false;
    return new Promise((owned, refused) => {
      session.done = this.engine
        .run(id, interaction, { yes: false, revokeWaitMs: this.revokeWaitMs }, {
          owned: () => {
            ownedHere = true;
            owned();
          },
          lease,
        })
        .then(
          () => undefined,
          (error: unknown) => {
            session.running = false;
            // Once the run is this host's, nobody awaits it: the error stays on the session for the wizard.
            if (ownedHere) {
              session.failure = callFailure(error);
              return;
            }
            // Held elsewhere: the problem (rotation.held, with the owner) says who, in the app's words.
            refused(error);
          },
        )
        .finally(() => {
          session.running = false;
          session.question = null;
          session.answer = null;
          for (const settled of session.settled.splice(0)) settled();
          this.changed(id);
        });
    });
  }

  /**
   * The host is closing: a rotation waiting for the person stops there (as "Stop here" does), so
   * it lets go of its lock and the next host or the CLI can resume it. Waits for the runs to end.
   */
  async stop(): Promise<void> {
    for (const [id, session] of this.#sessions) if (session.answer) this.answer(id, { kind: 'stop' });
    await Promise.all([...this.#sessions.values()].map((s) => s.done));
  }

  #session(id: string): Session {
    let session = this.#sessions.get(id);
    if (!session) {
      session = { running: false, done: null, question: null, answer: null, revokeGuide: null, failure: null, settled: [] };
      this.#sessions.set(id, session);
    }
    return session;
  }

  #ask(id: string, question: RotationQuestion): Promise<Answer> {
    const session = this.#session(id);
    return new Promise((resolve) => {
      session.question = question;
      session.answer = resolve;
      for (const settled of session.settled.splice(0)) settled();
      this.changed(id);
    });
  }

  #interaction(id: () => string, confirmProduction: (name: string) => Promise<boolean>): RotationInteraction {
    return {
      confirmProduction,
      pasteNewKey: async (guide, problem) => {
        const answer = await this.#ask(id(), { kind: 'paste', guide, problem });
        return answer.kind === 'paste' ? { secret: answer.secret, ...(answer.expiresOn === undefined ? {} : { expiresOn: answer.expiresOn }) } : null;
      },
      showRevokeGuide: (guide) => {
        this.#session(id()).revokeGuide = guide;
        this.changed(id());
      },
      confirmDespiteWarnings: async (warnings) => {
        const answer = await this.#ask(id(), { kind: 'confirm-warnings', warnings: [...warnings] });
        return answer.kind === 'confirm' && answer.yes;
      },
      chooseRemoteKey: async (question) => {
        // Before the rotation is recorded there is no wizard question to park: it is asked at the
        // revoke step, where the old key's id is needed.
        if (id() === '') return null;
        const { provider, maskedKey, candidates } = question;
        const answer = await this.#ask(id(), { kind: 'choose-remote-key', provider, maskedKey, candidates });
        return answer.kind === 'remote-id' ? answer.remoteId : null;
      },
      progress: () => this.changed(id()),
    };
  }
}

function describeHolder(owner: RotationOwner | null): string | null {
  return owner ? describeOwner(owner) : null;
}
