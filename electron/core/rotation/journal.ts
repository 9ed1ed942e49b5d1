import type { JournalEntry, Rotation, RotationStep, RotationStepName, StepProblemContext, VaultDocument } from '../domain/model.js';
import type { Problem } from '../domain/problems/catalogue.js';
import { fail } from '../domain/problems/problem-error.js';
import type { Clock } from '../ports/clock.js';
import type { MetadataStore } from '../store/metadata-store.js';


/** What a failed step records: the problem for the hosts to word, and `detail`, its host-neutral text. */
export interface RecordedFailure {
  detail: string;
  problem?: Problem;
  problemContext?: StepProblemContext;
}

export type DocChange = (doc: VaultDocument, rotation: Rotation) => VaultDocument;

/**
 * The rotation's persisted state and journal. Every call is one atomic metadata write under the
 * cross-process lock, so what is journaled is what happened, whatever kills the process next.
 */
export class RotationJournal {
  constructor(
    private readonly metadata: MetadataStore,
    readonly rotationId: string,
    private readonly clock: Clock,
  ) {}

  current(): { rotation: Rotation; doc: VaultDocument } {
    const doc = this.metadata.read();
    return { rotation: findRotation(doc, this.rotationId), doc };
  }

  async mutate(change: (rotation: Rotation, doc: VaultDocument) => { rotation: Rotation; doc?: VaultDocument }): Promise<Rotation> {
    return this.metadata.update((doc) => {
      const before = findRotation(doc, this.rotationId);
      const { rotation, doc: changed } = change(before, doc);
      const updated = { ...rotation, updatedAt: this.clock.now().toISOString() };
      const base = changed ?? doc;
      return { doc: { ...base, rotations: base.rotations.map((r) => (r.id === updated.id ? updated : r)) }, result: updated };
    });
  }

  #entry(step: JournalEntry['step'], event: JournalEntry['event'], detail: string): JournalEntry {
    return { at: this.clock.now().toISOString(), step, event, detail };
  }

  /** The step patched: the problem it stopped on last time is no longer its state (a failure sets its own). */
  #step(rotation: Rotation, name: RotationStepName, patch: Partial<RotationStep>): Rotation {
    const { problem: _problem, problemContext: _context, ...rest } = rotation.steps[name];
    return { ...rotation, steps: { ...rotation.steps, [name]: { ...rest, ...patch } } };
  }

  begin(step: RotationStepName, detail: string, path?: RotationStep['path']): Promise<Rotation> {
    return this.mutate((r) => ({
      rotation: {
        ...this.#step(r, step, { status: 'running', startedAt: r.steps[step].startedAt ?? this.clock.now().toISOString(), detail, ...(path ? { path } : {}) }),
        journal: [...r.journal, this.#entry(step, 'begin', detail)],
      },
    }));
  }

  end(step: RotationStepName, detail: string, change?: DocChange, patch?: Partial<Rotation>): Promise<Rotation> {
    return this.mutate((r, doc) => ({
      rotation: {
        ...this.#step({ ...r, ...patch }, step, { status: 'done', finishedAt: this.clock.now().toISOString(), detail }),
        journal: [...r.journal, this.#entry(step, 'end', detail)],
      },
      doc: change ? change(doc, r) : doc,
    }));
  }

  /** The step failed: its text, and its problem when it met one (replacing any from an earlier run). */
  fail(step: RotationStepName, failure: RecordedFailure): Promise<Rotation> {
    return this.mutate((r) => ({
      rotation: {
        ...this.#step(r, step, { status: 'failed', ...failure }),
        journal: [...r.journal, { ...this.#entry(step, 'fail', failure.detail), ...(failure.problem ? { problem: failure.problem } : {}), ...(failure.problemContext ? { problemContext: failure.problemContext } : {}) }],
      },
    }));
  }

  note(step: JournalEntry['step'], detail: string, patch?: Partial<Rotation>, change?: DocChange): Promise<Rotation> {
    return this.mutate((r, doc) => ({ rotation: { ...r, ...patch, journal: [...r.journal, this.#entry(step, 'note', detail)] }, doc: change ? change(doc, r) : doc }));
  }
}

export function findRotation(doc: VaultDocument, id: string): Rotation {
  const rotation = doc.rotations.find((r) => r.id === id);
  if (!rotation) fail('rotation.not-found', { id });
  return rotation;
}

/** Replaces one key record in the document. */
export function withKey(doc: VaultDocument, id: string, change: (record: VaultDocument['keys'][number]) => VaultDocument['keys'][number]): VaultDocument {
  return { ...doc, keys: doc.keys.map((k) => (k.id === id ? change(k) : k)) };
}
