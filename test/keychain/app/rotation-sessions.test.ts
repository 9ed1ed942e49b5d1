// The app's rotations and the CLI's: one owner at a time, and the wizard says who, never crashes.
import { spawn } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openAppCore } from '../../../electron/app/app-core.js';
import { RotationSessions } from '../../../electron/app/rotation-sessions.js';
import { startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { holdRotationLock } from '../../support/lock-holder.js';
import { engineStoppedAfterRecord } from '../../support/rotation-lock-gap.js';
import { nexoraKeyWithTarget } from '../../support/nexora-fixture.js';
import { privateKeychain } from '../../support/private-keychain.js';
import { problemWith } from '../../support/problem-match.js';
import { noraKeyWithTarget } from '../../support/nora-fixture.js';

function keyturnProcess(home: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/keyturn.mjs', '--home', home, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Sessions whose change events can be awaited: resolves when `until` holds after a change. */
function sessionsOf(core: ReturnType<typeof openAppCore>) {
  const waiters: (() => void)[] = [];
  const sessions = new RotationSessions(core.rotations, core.metadata, () => {
    for (const w of waiters.splice(0)) w();
  });
  const changed = async (until: () => boolean) => {
    while (!until()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { sessions, changed };
}

describe('rotation sessions in the app, with the CLI running rotations too', () => {
  let emulators: AllEmulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });
  afterEach(() => emulators.nexora.control.clearFaults());

  it('a rotation the CLI runs is shown as running there; resuming it says so (a sentence, not a crash); once it is gone, the app resumes it', async () => {
    const { home, run, user } = await nexoraKeyWithTarget(emulators.nexora, { env: 'sandbox', name: 'svc', variable: 'KEY' });
    emulators.nexora.control.setFault({ status: 503, method: 'POST', times: 1 });
    expect((await run(['rotate', 'nexora/acme/self/svc'])).code).toBe(1);
    const core = openAppCore(home, { name: 'the desktop app', secrets: privateKeychain() });
    const { sessions, changed } = sessionsOf(core);
    const [stopped] = sessions.inProgress();
    const holder = await holdRotationLock(home, stopped?.rotation.id ?? '', 'the keyturn CLI');
    try {
      expect(sessions.inProgress()).toEqual([expect.objectContaining({ running: false, heldBy: expect.stringMatching(new RegExp(`^process ${holder.pid} \\(the keyturn CLI on `)) })]);
      const refused = await sessions.resume('nexora/acme/self/svc').then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toEqual(problemWith('rotation.held', { ref: 'nexora/acme/self/svc', pid: holder.pid, host: 'the keyturn CLI' }));
      expect(refused).toMatchObject({ kind: 'busy' });
      expect(sessions.view(stopped?.rotation.id ?? '')).toMatchObject({ running: false, heldBy: expect.stringContaining(`process ${holder.pid}`) });
    } finally {
      await holder.kill();
    }
    const resumed = await sessions.resume('nexora/acme/self/svc');
    expect(resumed.heldBy).toBeNull();
    await changed(() => sessions.view(resumed.rotation.id).rotation.state === 'completed' && !sessions.view(resumed.rotation.id).running);
    expect(emulators.nexora.control.keys().filter((k) => k.userId === user.id && k.status === 'active')).toHaveLength(1);
    // A finished rotation has no holder to look up: showing history costs no lock file reads.
    const holderLookup = vi.spyOn(core.rotations, 'holder');
    expect(sessions.view(resumed.rotation.id).heldBy).toBeNull();
    expect(holderLookup).not.toHaveBeenCalled();
    await core.close();
  }, 30_000);

  it('a rotation the app starts is held from the moment it is recorded: the CLI, between the record and the first step, is told the app runs it (never --resume) and its --resume is refused', async () => {
    const { home, user, old } = await nexoraKeyWithTarget(emulators.nexora, { env: 'sandbox', name: 'svc', variable: 'KEY' });
    const app = engineStoppedAfterRecord(home, 'the desktop app');
    const waiters: (() => void)[] = [];
    const sessions = new RotationSessions(app.engine, app.metadata, () => {
      for (const w of waiters.splice(0)) w();
    });
    const started = sessions.start('nexora/acme/self/svc', false, undefined);
    try {
      await app.recorded;
      const second = await keyturnProcess(home, ['rotate', 'nexora/acme/self/svc', '--yes']);
      expect(second.code, second.stderr).toBe(4);
      expect(second.stderr).toMatch(new RegExp(`already running: held by process ${process.pid} \\(the desktop app on .*\\)\\. Wait for it to finish`));
      expect(second.stderr).not.toMatch(/--resume/);
      const resumed = await keyturnProcess(home, ['rotate', 'nexora/acme/self/svc', '--resume', '--yes']);
      expect(resumed.code, resumed.stderr).toBe(4);
      expect(resumed.stderr).toMatch(new RegExp(`held by process ${process.pid} \\(the desktop app on .*\\): it is running there, so nothing was done here`));
      expect(emulators.nexora.control.requests().filter((r) => r.method === 'POST' && r.authKeyId === old.id)).toEqual([]);
    } finally {
      app.go();
    }
    // The app still owns the rotation it started, and finishes it.
    const view = await started;
    while (!(sessions.view(view.rotation.id).rotation.state === 'completed' && !sessions.view(view.rotation.id).running)) await new Promise<void>((resolve) => waiters.push(resolve));
    expect(emulators.nexora.control.keys().filter((k) => k.userId === user.id && k.status === 'active')).toHaveLength(1);
    await app.close();
  }, 30_000);

  it('while the app runs a rotation (waiting for the pasted key), the CLI says the app holds it and changes nothing', async () => {
    const { home, org } = await noraKeyWithTarget(emulators.nora, { target: false });
    const core = openAppCore(home, { name: 'the desktop app', secrets: privateKeychain() });
    const { sessions, changed } = sessionsOf(core);
    const started = await sessions.start(`nora/${org}/live/backend`, false, 'live');
    await changed(() => sessions.view(started.rotation.id).question?.kind === 'paste');

    const cli = await keyturnProcess(home, ['rotate', `nora/${org}/live/backend`, '--resume', '--yes', '--new-key-stdin']);
    expect(cli.code).toBe(4);
    expect(cli.stderr).toMatch(new RegExp(`held by process ${process.pid} \\(the desktop app on .*\\): it is running there, so nothing was done here`));
    expect(sessions.view(started.rotation.id)).toMatchObject({ running: true, heldBy: null, question: expect.objectContaining({ kind: 'paste' }) });

    sessions.answer(started.rotation.id, { kind: 'stop' });
    await changed(() => !sessions.view(started.rotation.id).running);
    expect(sessions.view(started.rotation.id).heldBy).toBeNull();
    await core.close();
  }, 30_000);
});
