import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAppCore, type AppCore } from '../../../electron/app/app-core.js';
import { dispatchCall } from '../../../electron/app/call-dispatch.js';
import { createHandlers } from '../../../electron/app/handlers.js';
import { RotationSessions } from '../../../electron/app/rotation-sessions.js';
import type { RotationView } from '../../../electron/contract/views.js';
import { NORA_KEYS_PATH, startEmulator, type NoraEmulator } from '../../emulators/index.js';
import { tempHome } from '../../support/temp-home.js';
import { memorySecrets } from './memory-secrets.js';

let nora: NoraEmulator;
beforeAll(async () => {
  nora = await startEmulator('nora');
});
afterAll(async () => {
  await nora.close();
});

const opened: AppCore[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

/** A Nora sandbox key (its create step is guided: the rotation asks for the new key) and sessions whose changes can be awaited. */
async function guidedRotation() {
  const core = openAppCore(tempHome(), { name: 'the desktop app', secrets: memorySecrets(), notifier: { notify: () => undefined, setAttentionCount: () => undefined } });
  opened.push(core);
  const org = `org${Math.random().toString(36).slice(2, 8)}`;
  const old = nora.control.createKey({ name: 'svc', env: 'sandbox', org });
  await core.vault.addInstance({ provider: 'nora', org, name: 'staging', env: 'sandbox', baseUrl: nora.baseUrl('sandbox'), verifyPath: NORA_KEYS_PATH });
  await core.vault.addKey({ instanceRef: `nora/${org}/staging`, name: 'svc', secret: old.secret, verify: false });
  const waiters: (() => void)[] = [];
  const changes: string[] = [];
  const sessions = new RotationSessions(core.rotations, core.metadata, (rotationId) => {
    changes.push(rotationId);
    for (const w of waiters.splice(0)) w();
  });
  core.beforeClose(() => sessions.stop());
  /** Resolves once the rotation's view satisfies `until`, re-read on every change the sessions announce. */
  const changed = async (rotationId: string, until: (view: RotationView) => boolean) => {
    while (!until(sessions.view(rotationId))) await new Promise<void>((resolve) => waiters.push(resolve));
    return sessions.view(rotationId);
  };
  return { core, sessions, changed, changes, ref: `nora/${org}/staging/svc`, org };
}

describe('rotation sessions', () => {
  it('a question the run needs is parked for the wizard; answered (Stop here), it is gone, the run lets go and the rotation stays in progress', async () => {
    const { sessions, changed, changes, ref } = await guidedRotation();
    const started = await sessions.start(ref, false, undefined);
    expect(started.ref).toBe(ref);
    const asking = await changed(started.rotation.id, (v) => v.question !== null);
    expect(asking).toMatchObject({ running: true, question: { kind: 'paste', problem: null } });
    expect(changes).toContain(started.rotation.id);
    expect(sessions.inProgress().map((v) => v.rotation.id)).toEqual([started.rotation.id]);

    const answered = sessions.answer(started.rotation.id, { kind: 'stop' });
    expect(answered.question).toBeNull();
    // Stopped there: the run lets go, the rotation stays in progress, to be resumed.
    const stopped = await changed(started.rotation.id, (v) => !v.running);
    expect(stopped).toMatchObject({ running: false, question: null, heldBy: null });
    expect(stopped.rotation.state).toBe('in-progress');
  });

  it('a new key that is not one is asked for again, with the problem, and the rotation still waits', async () => {
    const { sessions, changed, ref } = await guidedRotation();
    const started = await sessions.start(ref, false, undefined);
    await changed(started.rotation.id, (v) => v.question !== null);
    sessions.answer(started.rotation.id, { kind: 'paste', secret: 'not-a-nora-key' });
    const again = await changed(started.rotation.id, (v) => v.question?.kind === 'paste' && v.question.problem !== null);
    expect(again.running).toBe(true);
    expect(again.rotation.steps.create.status).not.toBe('done');
    sessions.answer(started.rotation.id, { kind: 'stop' });
    await changed(started.rotation.id, (v) => !v.running);
  });

  it('an answer when no question waits is refused as bad input, and changes nothing', async () => {
    const { sessions, changed, ref } = await guidedRotation();
    const started = await sessions.start(ref, false, undefined);
    await changed(started.rotation.id, (v) => v.question !== null);
    sessions.answer(started.rotation.id, { kind: 'stop' });
    await changed(started.rotation.id, (v) => !v.running);
    expect(() => sessions.answer(started.rotation.id, { kind: 'stop' })).toThrow();
    expect(() => sessions.answer('no-such-rotation', { kind: 'stop' })).toThrow();
  });

  it('through the app’s calls, an answer nobody waits for is a problem of kind input, not a crash', async () => {
    const { core } = await guidedRotation();
    const handlers = createHandlers(core, { copy: null, openExternal: async () => false, pickPath: null, emit: () => undefined });
    const { status, reply } = await dispatchCall(handlers, 'rotation.answer', { rotationId: 'no-such-rotation', answer: { kind: 'stop' } });
    expect(status).toBe(400);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'input', problem: { code: expect.any(String) } } });
  });

  it('a production key is not rotated unless its instance name is typed back, and nothing is recorded', async () => {
    const core = openAppCore(tempHome(), { name: 'the Keyturn app', secrets: memorySecrets(), notifier: { notify: () => undefined, setAttentionCount: () => undefined } });
    opened.push(core);
    const org = `org${Math.random().toString(36).slice(2, 8)}`;
    const old = nora.control.createKey({ name: 'svc', env: 'production', org });
    await core.vault.addInstance({ provider: 'nora', org, name: 'live', env: 'production', baseUrl: nora.baseUrl('production'), verifyPath: NORA_KEYS_PATH });
    await core.vault.addKey({ instanceRef: `nora/${org}/live`, name: 'svc', secret: old.secret, verify: false });
    const sessions = new RotationSessions(core.rotations, core.metadata, () => undefined);
    await expect(sessions.start(`nora/${org}/live/svc`, false, 'wrong')).rejects.toThrow();
    expect(sessions.inProgress()).toEqual([]);
    expect(core.metadata.read().rotations).toEqual([]);
  });
});
