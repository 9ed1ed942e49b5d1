import { ProblemError, fail, problem } from '../../domain/problems/problem-error.js';
import { ROTATION_STEPS, type Instance, type Rotation, type RotationStepName, type VaultDocument } from '../../domain/model.js';
import { ProviderCallError } from '../../providers/key-api.js';
import type { ProviderProfile } from '../../providers/profile.js';
import { resolveProfile } from '../../providers/registry.js';
import { noKeyApi, resolveRemoteId } from '../../rotation/remote-id.js';
import { findKey, keyRef } from '../../vault/refs.js';
import type { CorePorts } from '../../ports/core-ports.js';
import type { RotationOptions, RotationParts, StepContext } from '../../rotation/context.js';
import { createPath, runCreate } from '../../rotation/create-step.js';
import { checkNewKey } from '../../vault/new-key-check.js';
import { failStep } from '../../rotation/fail-step.js';
import type { RotationInteraction } from '../../rotation/interaction.js';
import { RotationJournal, findRotation } from '../../rotation/journal.js';
import { providerKeyNameFor } from '../../rotation/derived-names.js';
import { runRevoke } from '../../rotation/revoke-step.js';
import { RotationHeldError, ownerParams, type RotationLease, type RotationOwner } from '../../rotation/rotation-lock.js';
import { removeSwapBackups, runSwap } from './swap-step.js';
import { runVerify } from '../../rotation/verify-step.js';
import { abandonRotation } from './abandon.js';
import { removeDiscardedSecrets, replaceNewKey } from './replace-new-key.js';
import type { NewKeyRefusal } from '../../vault/new-key-check.js';

/** Abandoning and replacing ask the person nothing: their hosts asked before calling. */
const UNATTENDED: RotationInteraction = {
  confirmProduction: async () => false,
  pasteNewKey: async () => null,
  showRevokeGuide: () => undefined,
  confirmDespiteWarnings: async () => false,
  progress: () => undefined,
};

const STEP_RUNNERS: Record<RotationStepName, (ctx: StepContext) => Promise<boolean>> = {
  create: runCreate,
  swap: runSwap,
  verify: runVerify,
  revoke: runRevoke,
};

const DEFAULT_REVOKE_WAIT_MS = 120_000;

export interface RunHooks {
  /** Called once this process owns the rotation, before any step runs. */
  owned?: () => void;
  /** The lease begin() took: the rotation is already this process's, so run does not take it again. */
  lease?: RotationLease;
}

/** A rotation just recorded, and already owned by this process: run it (or release the lease). */
export interface BegunRotation {
  id: string;
  lease: RotationLease;
}

/** The rotation state machine: start, resume, status. Steps run in order; each is journaled before and after. */
export class RotationEngine {
  constructor(private readonly deps: CorePorts & RotationParts) {}

  /** The rotation in progress for a key (as old or new key), if any. */
  inProgressFor(doc: VaultDocument, keyId: string): Rotation | undefined {
    return doc.rotations.find((r) => r.state === 'in-progress' && (r.oldKeyId === keyId || r.newKeyId === keyId));
  }

  async start(ref: string, interaction: RotationInteraction, options: RotationOptions = {}): Promise<Rotation> {
    const begun = await this.begin(ref, interaction, options);
    return this.run(begun.id, interaction, options, { lease: begun.lease });
  }

  /**
   * Checks and records a new rotation without running a step. Its lock is taken before the record
   * is written and handed back with the id: there is no moment when another process finds the
   * rotation in progress with nobody holding it (it would be told to resume it, and could take it
   * from under this one). The caller passes the lease to run(), or releases it.
   */
  async begin(ref: string, interaction: RotationInteraction, options: RotationOptions = {}): Promise<BegunRotation> {
    const doc = this.deps.metadata.read();
    const { record, instance } = findKey(doc, ref);
    const profile = resolveProfile(instance.provider, doc.customProviders);
    const running = this.inProgressFor(doc, record.id);
    if (running) throw this.#alreadyInProgress(keyRef(instance, record), running);
    if (record.status !== 'active') fail('rotation.key-not-active', { ref: keyRef(instance, record), status: record.status });
    if (options.inPlace && !profile.capabilities.rotateInPlace) fail('rotation.no-in-place', { provider: profile.displayName });
    if (instance.env === 'production' && !options.yes && !(await interaction.confirmProduction(instance.name))) {
      fail('rotation.production-not-confirmed', { field: 'confirmName', instance: instance.name });
    }
    if (createPath(profile, options.inPlace ?? false) === 'guided') refuseUnusableNewKey(doc, profile, instance, options.newKey, record.id);
    await this.#identifyOldKey(doc, ref, interaction, options);
    const now = this.deps.clock.now().toISOString();
    const id = this.deps.newId();
    // A fresh id nobody else knows yet: this never waits for or refuses on another process.
    const lease = await this.deps.locks.acquire(id);
    const rotation: Rotation = {
      id,
      oldKeyId: record.id,
      instanceId: instance.id,
      newKeyId: this.deps.newId(),
      inPlace: options.inPlace ?? false,
      state: 'in-progress',
      startedAt: now,
      updatedAt: now,
      steps: { create: { status: 'waiting' }, swap: { status: 'waiting' }, verify: { status: 'waiting' }, revoke: { status: 'waiting' } },
      // Unique and dated, as the providers suggest (backend-2026-04): how a lost create is found again.
      providerKeyName: providerKeyNameFor(record.name, now, id),
      targets: [],
      warnings: options.inPlace ? [`in-place rotation: the old key stopped working the moment ${profile.displayName} rotated it; consumers fail until they have the new key`] : [],
      journal: [{ at: now, step: 'rotation', event: 'begin', detail: `rotation of ${keyRef(instance, record)} started` }],
    };
    try {
      await this.deps.metadata.update((current) => {
        // Checked again under the lock: another process may have started one meanwhile.
        const other = this.inProgressFor(current, record.id);
        if (other) throw this.#alreadyInProgress(keyRef(instance, record), other);
        return { doc: { ...current, rotations: [...current.rotations, rotation] }, result: undefined };
      });
      this.deps.audit.append({ action: 'rotation.start', keyId: record.id, maskedKey: record.maskedKey, outcome: 'info', detail: rotation.inPlace ? 'in place' : 'create, swap, verify, revoke' });
    } catch (error) {
      await lease.release();
      throw error;
    }
    return { id: rotation.id, lease };
  }

  /**
   * Finds the old key's id at the provider before anything changes, while the old key surely
   * works, and stores it: asked now when the list leaves it open (a person who cannot be asked
   * here is asked again at the revoke step). A provider that cannot be reached now is asked later.
   */
  async #identifyOldKey(doc: VaultDocument, ref: string, interaction: RotationInteraction, options: RotationOptions): Promise<void> {
    const { record, instance } = findKey(doc, ref);
    const profile = resolveProfile(instance.provider, doc.customProviders);
    const api = profile.keyApi?.(instance, this.deps.http);
    if (!api && options.remoteId !== undefined) throw noKeyApi(profile.displayName);
    if (!api || (record.remoteId && options.remoteId === undefined)) return;
    const secret = await this.deps.secrets.get(this.deps.keychainService, record.id);
    if (secret === null) return;
    try {
      await resolveRemoteId({
        api,
        secret,
        record,
        doc,
        metadata: this.deps.metadata,
        question: { provider: profile.displayName, ref: keyRef(instance, record), maskedKey: record.maskedKey },
        ...(options.remoteId !== undefined ? { chosenId: options.remoteId } : {}),
        ...(interaction.chooseRemoteKey ? { choose: (question) => interaction.chooseRemoteKey?.(question) ?? Promise.resolve(null) } : {}),
      });
    } catch (error) {
      if (!(error instanceof ProviderCallError)) throw error;
    }
  }

  /**
   * Whether running this key's rotation now (a new one, or the one in progress with `resume`)
   * would ask for a pasted new key: a guided create not done yet. A host that has the key up
   * front (the CLI's --new-key-stdin) checks it with newKeyProblem before anything is recorded.
   */
  asksForPastedKey(ref: string, options: { resume: boolean; inPlace?: boolean }): boolean {
    const doc = this.deps.metadata.read();
    const { record, instance } = findKey(doc, ref);
    const profile = resolveProfile(instance.provider, doc.customProviders);
    const running = this.inProgressFor(doc, record.id);
    if (options.resume) return running !== undefined && running.steps.create.status !== 'done' && createPath(profile, running.inPlace) === 'guided';
    return createPath(profile, options.inPlace ?? false) === 'guided';
  }

  async resume(ref: string, interaction: RotationInteraction, options: RotationOptions = {}): Promise<Rotation> {
    return this.run(this.inProgressId(ref), interaction, options);
  }

  /** The id of the rotation in progress for a key; refused, with what to do, when there is none. */
  inProgressId(ref: string): string {
    const doc = this.deps.metadata.read();
    const { record, instance } = findKey(doc, ref);
    const rotation = this.inProgressFor(doc, record.id);
    if (!rotation) fail('rotation.not-in-progress', { ref: keyRef(instance, record) });
    return rotation.id;
  }

  /**
   * Runs the remaining steps in order and stops at the first that does not finish. The rotation is
   * this process's alone from here to the stop (RotationHeldError when another process runs it),
   * and every step reads the state fresh after the lock: a process that got the lock after
   * another finished steps sees them done and does not do them again.
   */
  async run(rotationId: string, interaction: RotationInteraction, options: RotationOptions = {}, hooks: RunHooks = {}): Promise<Rotation> {
    const lease = hooks.lease ?? (await this.#take(rotationId));
    try {
      hooks.owned?.();
      const journal = new RotationJournal(this.deps.metadata, rotationId, this.deps.clock);
      if (journal.current().rotation.state !== 'in-progress') return journal.current().rotation;
      const ctx = this.#context(journal, interaction, options);
      // An abandon that stopped halfway (a crash, a keychain that did not answer) is finished, not undone.
      if (journal.current().rotation.abandonStartedAt) return await abandonRotation(ctx, refOfRotation(journal.current().doc, journal.current().rotation));
      await removeDiscardedSecrets(ctx, journal.current().rotation);
      if (journal.current().rotation.steps.create.status !== 'done' && createPath(ctx.profile, journal.current().rotation.inPlace) === 'guided') {
        refuseUnusableNewKey(journal.current().doc, ctx.profile, ctx.instance, options.newKey, journal.current().rotation.oldKeyId);
      }
      for (const step of ROTATION_STEPS) {
        if (journal.current().rotation.steps[step].status === 'done') continue;
        const lost = lease.lost();
        if (lost) {
          const owner = this.deps.locks.holder(rotationId);
          throw new RotationHeldError(problem('rotation.taken-over', { ref: refOfRotation(journal.current().doc, journal.current().rotation), step, ...ownerParams(owner) }), owner);
        }
        await ctx.checkpoint(`${step}:before`);
        if (!(await this.#runStep(step, ctx))) break;
      }
      const rotation = journal.current().rotation;
      if (rotation.state === 'completed') await removeSwapBackups(rotation);
      return rotation;
    } finally {
      await lease.release();
    }
  }

  /**
   * Abandons the rotation (see abandonRotation): refused once the old key's revoke has started or
   * the rotation is over, and as `busy` while another process runs it.
   */
  async abandon(rotationId: string): Promise<Rotation> {
    return this.#underLock(rotationId, (ctx, ref) => abandonRotation(ctx, ref));
  }

  /** Use a different key (see replaceNewKey): the pasted key goes, the create is asked again by the next run. */
  async replaceNewKey(rotationId: string): Promise<Rotation> {
    return this.#underLock(rotationId, (ctx, ref) => replaceNewKey(ctx, ref, this.deps.newId));
  }

  /**
   * A key pasted for the rotation's guided create, checked as it would be when answered (shape,
   * environment, not a stored key, not the old key pasted again); nothing is stored.
   */
  checkNewKey(rotationId: string, pasted: string): { refusal: NewKeyRefusal | null; warnings: string[]; maskedKey: string } {
    const doc = this.deps.metadata.read();
    const rotation = findRotation(doc, rotationId);
    const instance = doc.instances.find((i) => i.id === rotation.instanceId);
    if (!instance) fail('rotation.instance-removed', {});
    const check = checkNewKey(doc, resolveProfile(instance.provider, doc.customProviders), instance, pasted, rotation);
    return { refusal: check.refusal, warnings: check.warnings, maskedKey: check.maskedKey };
  }

  async #underLock(rotationId: string, work: (ctx: StepContext, ref: string) => Promise<Rotation>): Promise<Rotation> {
    const lease = await this.#take(rotationId);
    try {
      const journal = new RotationJournal(this.deps.metadata, rotationId, this.deps.clock);
      const { doc, rotation } = journal.current();
      return await work(this.#context(journal, UNATTENDED, {}), refOfRotation(doc, rotation));
    } finally {
      await lease.release();
    }
  }

  /** Who runs a rotation right now, if anyone (for status and the app's view). */
  holder(rotationId: string): RotationOwner | null {
    return this.deps.locks.holder(rotationId);
  }

  async #take(rotationId: string): Promise<RotationLease> {
    try {
      return await this.deps.locks.acquire(rotationId);
    } catch (error) {
      if (!(error instanceof RotationHeldError)) throw error;
      const doc = this.deps.metadata.read();
      const rotation = findRotation(doc, rotationId);
      throw new RotationHeldError(problem('rotation.held', { ref: refOfRotation(doc, rotation), ...ownerParams(error.owner) }), error.owner);
    }
  }

  /** Refuses a second rotation of a key: running elsewhere (wait for it), or stopped (resume it). */
  #alreadyInProgress(ref: string, rotation: Rotation): ProblemError {
    const owner = this.deps.locks.holder(rotation.id);
    if (owner) return new RotationHeldError(problem('rotation.already-running', { ref, ...ownerParams(owner) }), owner);
    const step = ROTATION_STEPS.find((s) => rotation.steps[s].status !== 'done');
    // A step that stopped on a problem is not retold here (its text is no host's words): resuming shows it.
    const detail = step && rotation.steps[step].problem === undefined ? rotation.steps[step].detail : undefined;
    const where = step ? { step, status: rotation.steps[step].status, ...(detail ? { detail } : {}) } : {};
    return new ProblemError(problem('rotation.already-in-progress', { ref, ...where }));
  }

  /**
   * A step that throws a failure (a provider or keychain failure mid-step) ends as failed, with its
   * problem, ready to resume; bad input (`input`), or a rotation held elsewhere (`busy`), reaches
   * the caller as it is. An error that is no problem (a bug, say) fails the step with its message.
   */
  async #runStep(step: RotationStepName, ctx: StepContext): Promise<boolean> {
    try {
      return await STEP_RUNNERS[step](ctx);
    } catch (error) {
      // An error that is no problem (a bug, Node's ENOENT) is worded by no host: the person is told
      // the step could not finish; its text stays in the record's detail (the journal, --json).
      if (!(error instanceof ProblemError)) return failStep(ctx, step, { problem: problem('host.failed', {}), detail: `${error instanceof Error ? error.message : 'the step failed'}; resume to try again` });
      if (error.kind !== 'failure') throw error;
      return failStep(ctx, step, { problem: error.problem });
    }
  }

  #context(journal: RotationJournal, interaction: RotationInteraction, options: RotationOptions): StepContext {
    const { deps } = this;
    const first = journal.current();
    const instance = first.doc.instances.find((i) => i.id === first.rotation.instanceId);
    if (!instance) fail('rotation.instance-removed', {});
    return {
      deps,
      journal,
      interaction,
      options: { revokeWaitMs: DEFAULT_REVOKE_WAIT_MS, ...options },
      profile: resolveProfile(instance.provider, first.doc.customProviders),
      instance,
      state() {
        const { doc, rotation } = journal.current();
        const oldKey = doc.keys.find((k) => k.id === rotation.oldKeyId);
        if (!oldKey) fail('rotation.key-removed', {});
        return { doc, rotation, oldKey, newKey: doc.keys.find((k) => k.id === rotation.newKeyId) ?? null };
      },
      secretOf: (keyId) => deps.secrets.get(deps.keychainService, keyId),
      checkpoint: async (name) => {
        await deps.checkpoint?.(name);
      },
    };
  }

  /** Rotations, newest first: those in progress and the history. */
  list(doc: VaultDocument, keyId?: string): Rotation[] {
    return doc.rotations.filter((r) => !keyId || r.oldKeyId === keyId || r.newKeyId === keyId).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  get(doc: VaultDocument, id: string): Rotation {
    return findRotation(doc, id);
  }
}

/**
 * A new key given up front that the instance refuses: bad input, before anything is recorded or
 * run. The refusal itself is the problem, and nothing was stored.
 */
function refuseUnusableNewKey(doc: VaultDocument, profile: ProviderProfile, instance: Instance, newKey: string | undefined, oldKeyId: string): void {
  if (newKey === undefined) return;
  if (newKey.trim() === '') fail('rotation.new-key-missing', { field: 'secret' });
  const { refusal } = checkNewKey(doc, profile, instance, newKey, { oldKeyId });
  if (refusal) throw new ProblemError({ ...refusal, nothingStored: true });
}

/** PROVIDER/ORG/INSTANCE/NAME of a rotation's key (the new key's once it took the name). */
export function refOfRotation(doc: VaultDocument, rotation: Rotation): string {
  const key = doc.keys.find((k) => k.id === rotation.newKeyId && k.status === 'active') ?? doc.keys.find((k) => k.id === rotation.oldKeyId);
  const instance = doc.instances.find((i) => i.id === rotation.instanceId);
  return key && instance ? keyRef(instance, key) : rotation.oldKeyId;
}

