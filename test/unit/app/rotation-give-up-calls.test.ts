import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAppCore, type AppCore } from '../../../electron/app/app-core.js';
import { dispatchCall } from '../../../electron/app/call-dispatch.js';
import { createHandlers } from '../../../electron/app/handlers.js';
import type { RotationView } from '../../../electron/contract/views.js';
import { appProblemText } from '../../../renderer/src/problems/wordings.js';
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

/** A Nora sandbox key with the app's handlers on it; `changed` awaits a rotation's view, re-read on every rotation.changed. */
async function noraApp() {
  const clock = { now: () => new Date('2026-12-01T10:00:00Z') };
  const core = openAppCore(tempHome(), { name: 'the desktop app', secrets: memorySecrets(), clock, notifier: { notify: () => undefined, setAttentionCount: () => undefined } });
  opened.push(core);
  const org = `org${Math.random().toString(36).slice(2, 8)}`;
  const old = nora.control.createKey({ name: 'svc', env: 'sandbox', org });
  const waiters: (() => void)[] = [];
  const handlers = createHandlers(core, {
    copy: null,
    openExternal: async () => false,
    pickPath: null,
    emit: (event) => {
      if (event === 'rotation.changed') for (const w of waiters.splice(0)) w();
    },
  });
  await handlers['instance.add']({ provider: 'nora', org, name: 'staging', env: 'sandbox', baseUrl: nora.baseUrl('sandbox'), verifyPath: NORA_KEYS_PATH });
  await handlers['key.add']({ instanceRef: `nora/${org}/staging`, name: 'svc', secret: old.secret, verify: false });
  const changed = async (rotationId: string, until: (view: RotationView) => boolean) => {
    for (;;) {
      // Waiting before reading: a change between the read and the wait is not missed.
      const next = new Promise<void>((resolve) => waiters.push(resolve));
      const view = await handlers['rotation.get']({ rotationId });
      if (until(view)) return view;
      await next;
    }
  };
  const call = (name: string, args: unknown = {}) => dispatchCall(handlers, name, args);
  return { core, handlers, changed, call, org, old, ref: `nora/${org}/staging/svc` };
}

const unknownTestKey = () => `sk_test_${'Q'.repeat(16)}${Math.random().toString(36).slice(2, 10).padEnd(16, 'z')}`;

describe('the rotation wizard’s calls: check the new key, use a different key, abandon', () => {
  it('rotation.checkNewKey checks as Add key does (environment binding), refuses the old key pasted again, and stores nothing', async () => {
    const app = await noraApp();
    const started = await app.handlers['rotation.start']({ ref: app.ref, inPlace: false });
    await app.changed(started.rotation.id, (v) => v.question?.kind === 'paste');
    const id = started.rotation.id;
    const live = nora.control.createKey({ name: 'x', env: 'production', org: app.org });
    expect((await app.handlers['rotation.checkNewKey']({ rotationId: id, secret: live.secret })).refusal).toMatchObject({ field: 'secret' });
    const same = await app.handlers['rotation.checkNewKey']({ rotationId: id, secret: app.old.secret });
    expect(same.refusal).toEqual({ code: 'new-key.same-as-old', field: 'secret', ref: app.ref });
    expect(appProblemText(same.refusal ?? { code: 'host.failed' })).toBe(`This is the old key of ${app.ref}, pasted again: create a new key in the dashboard and paste that one.`);
    const fresh = nora.control.createKey({ name: 'y', env: 'sandbox', org: app.org });
    expect(await app.handlers['rotation.checkNewKey']({ rotationId: id, secret: ` ${fresh.secret}` })).toMatchObject({ refusal: null, warnings: ['whitespace around the pasted key was removed'] });
    expect(app.core.vault.listKeys().map((k) => k.status)).toEqual(['active']);
    app.handlers['rotation.answer']({ rotationId: id, answer: { kind: 'stop' } });
    await app.changed(id, (v) => !v.running);
  });

  it('Nora says it has native expiry; the expiry pasted with the key is checked (tomorrow at the earliest) and stored on the new key', async () => {
    const app = await noraApp();
    const overview = await app.handlers['vault.overview']({});
    expect(overview.providers.filter((p) => p.nativeExpiry).map((p) => p.id)).toEqual(['nora']);
    const started = await app.handlers['rotation.start']({ ref: app.ref, inPlace: false });
    const id = started.rotation.id;
    await app.changed(id, (v) => v.question?.kind === 'paste');
    const fresh = nora.control.createKey({ name: 'y', env: 'sandbox', org: app.org });
    await app.handlers['rotation.answer']({ rotationId: id, answer: { kind: 'paste', secret: fresh.secret, expiresOn: '2026-12-01' } });
    const again = await app.changed(id, (v) => v.question?.kind === 'paste' && v.question.problem !== null);
    expect(again.question).toMatchObject({ problem: { code: 'rotation.expiry-too-soon', field: 'expires', value: '2026-12-01', earliest: '2026-12-02' } });
    await app.handlers['rotation.answer']({ rotationId: id, answer: { kind: 'paste', secret: fresh.secret, expiresOn: '2027-03-01' } });
    // The rotation carries on to the revoke, which waits for the old key's 401: revoke it at Nora.
    await app.changed(id, (v) => v.revokeGuide !== null);
    nora.control.revokeKey(app.old.id);
    const done = await app.changed(id, (v) => v.rotation.state === 'completed');
    expect(done.rotation.state).toBe('completed');
    expect(app.core.vault.showKey(app.ref)).toMatchObject({ expiresOn: '2027-03-01', status: 'active' });
  });

  it('use a different key after the check found the pasted key wrong: it leaves the vault, the paste question is asked again; then abandon while it waits', async () => {
    const app = await noraApp();
    const started = await app.handlers['rotation.start']({ ref: app.ref, inPlace: false });
    const id = started.rotation.id;
    await app.changed(id, (v) => v.question?.kind === 'paste');
    await app.handlers['rotation.answer']({ rotationId: id, answer: { kind: 'paste', secret: unknownTestKey() } });
    const stopped = await app.changed(id, (v) => !v.running);
    // No swap targets: the swap is done, and the check (verify) finds the key wrong.
    expect(stopped.rotation.steps.verify.status).toBe('failed');
    const pending = (await app.handlers['vault.overview']({})).keys.filter((k) => k.pendingFor !== null);
    expect(pending).toHaveLength(1);
    // A key in a rotation in progress is neither removed nor renamed.
    for (const [name, args] of [['key.remove', { ref: app.ref }], ['key.rename', { ref: app.ref, name: 'other' }]] as const) {
      expect((await app.call(name, args)).reply).toMatchObject({ ok: false, error: { kind: 'input', problem: { code: 'key.in-rotation', ref: app.ref } } });
    }

    const replaced = await app.handlers['rotation.replaceNewKey']({ rotationId: id });
    expect(replaced.question).toMatchObject({ kind: 'paste', problem: null });
    expect(replaced.rotation.steps).toMatchObject({ create: { status: 'running' }, swap: { status: 'waiting' }, verify: { status: 'waiting' } });
    expect(app.core.vault.listKeys().map((k) => k.status)).toEqual(['active']);

    const abandoned = await app.handlers['rotation.abandon']({ rotationId: id });
    expect(abandoned.rotation).toMatchObject({ state: 'abandoned', abandoned: { newKeyAtProvider: 'none', restoredTargets: 0 } });
    expect(abandoned.running).toBe(false);
    expect(await app.handlers['rotation.inProgress']({})).toEqual([]);
    expect(app.core.vault.listKeys().map((k) => [k.ref, k.status])).toEqual([[app.ref, 'active']]);
    // Over: abandoning again changes nothing, a different key is refused.
    expect((await app.handlers['rotation.abandon']({ rotationId: id })).rotation.state).toBe('abandoned');
    expect((await app.call('rotation.replaceNewKey', { rotationId: id })).reply).toMatchObject({ ok: false, error: { kind: 'input', problem: { code: 'rotation.finished', state: 'abandoned' } } });
  });

  it('the counts: a pending key is not a key of its own, a rejected active key is in attention and in rejected', async () => {
    const app = await noraApp();
    const started = await app.handlers['rotation.start']({ ref: app.ref, inPlace: false });
    const id = started.rotation.id;
    await app.changed(id, (v) => v.question?.kind === 'paste');
    await app.handlers['rotation.answer']({ rotationId: id, answer: { kind: 'paste', secret: unknownTestKey() } });
    await app.changed(id, (v) => !v.running);
    await app.core.metadata.update((doc) => ({ doc: { ...doc, keys: doc.keys.map((k) => ({ ...k, lastVerification: { at: '2026-12-01T09:00:00.000Z', result: 'rejected' as const, httpStatus: 401, revoked: false, reason: 'invalid key' } })) }, result: undefined }));
    const overview = await app.handlers['vault.overview']({});
    expect(overview.keys.map((k) => [k.status, k.rejected, k.pendingFor !== null])).toEqual([['active', true, false], ['pending', true, true]]);
    expect(overview.rejected).toBe(1);
    expect(overview.attention).toBe(1);
    const audit = await app.handlers['audit.report']({});
    expect(audit.summary).toMatchObject({ keys: 1, rejected: 1, pending: 1 });
    expect(audit.rows.map((r) => [r.status, r.rejected, r.pendingFor])).toEqual([['active', true, null], ['pending', true, expect.any(String)]]);
    await app.handlers['rotation.abandon']({ rotationId: id });
  });
});
