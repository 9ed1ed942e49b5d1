import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type NexoraEmulator } from '../../emulators/index.js';
import type { RotationInteraction } from '../../../electron/core/rotation/interaction.js';
import { holdRotationLock } from '../../support/lock-holder.js';
import { engineStoppedAfterRecord } from '../../support/rotation-lock-gap.js';
import { nexoraKeyWithTarget } from '../../support/nexora-fixture.js';
import { rotateInChild } from '../../support/rotate-in-child.js';

interface Exited {
  pid: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built `keyturn` as a process of its own: the real CLI, started now, without waiting for it. */
function keyturnProcess(home: string, args: string[]): Promise<Exited> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/keyturn.mjs', '--home', home, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ pid: child.pid ?? -1, code, stdout, stderr }));
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const REF = 'nexora/acme/self/svc';

/** Two `keyturn rotate REF --resume` at once after a create that failed: one runs it, the other says who does. */
describe('one rotation, one owner: parallel resumes through the real CLI', () => {
  let nexora: NexoraEmulator;
  beforeAll(async () => {
    nexora = await startEmulator('nexora');
  });
  afterAll(async () => {
    await nexora.close();
  });
  afterEach(() => nexora.control.clearFaults());

  it('after a 503 on create, two parallel resumes leave exactly one live new key that the vault, the keychain and the .env agree on (5 rounds)', async () => {
    for (let round = 0; round < 5; round++) {
      const { home, run, user, old, env } = await nexoraKeyWithTarget(nexora, { env: 'sandbox', name: 'svc', variable: 'KEY' });
      nexora.control.setFault({ status: 503, method: 'POST', times: 1 });
      const stopped = await run(['rotate', REF]);
      expect(stopped.code, stopped.stderr).toBe(1);
      expect(stopped.stdout).toMatch(/rotation stopped at create failed: Nexora create key answered 503/);

      // A slow create (1.5 s) keeps the first owner inside its create while the other process starts:
      // the two overlap in every round instead of by chance.
      nexora.control.setFault({ latencyMs: 1_500, method: 'POST', pathPrefix: '/api/users/me/api-keys', times: 1 });
      const both = await Promise.all([keyturnProcess(home, ['rotate', REF, '--resume', '--yes']), keyturnProcess(home, ['rotate', REF, '--resume', '--yes'])]);
      // At the provider: the old key revoked, exactly one live key, and it is the one the vault knows.
      const mine = nexora.control.keys().filter((k) => k.userId === user.id);
      const live = mine.filter((k) => k.status === 'active');
      expect(live, `round ${round}`).toHaveLength(1);
      expect(mine.find((k) => k.id === old.id)?.status).toBe('revoked');
      const secret = (await run(['key', 'get', REF])).stdout.trim();
      expect(secret).toBe(live[0]?.secret);
      const shown = JSON.parse((await run(['key', 'show', REF, '--json'])).stdout) as { fingerprint: string; remoteId: string | null; status: string };
      expect(shown).toMatchObject({ fingerprint: sha256(secret), remoteId: live[0]?.id, status: 'active' });

      // The .env holds that key, and the provider accepts it.
      expect(readFileSync(env, 'utf8')).toBe(`KEY=${secret}\n`);
      const answer = await fetch(`${nexora.baseUrl()}/users/me/api-keys`, { headers: { authorization: `Bearer ${secret}` } });
      expect(answer.status).toBe(200);

      // One process ran the rotation; the other said who did, and did nothing.
      const winner = both.find((p) => p.code === 0);
      const loser = both.find((p) => p !== winner);
      expect(winner, `round ${round}: ${both.map((p) => `${p.code}: ${p.stderr}`).join(' | ')}`).toBeDefined();
      expect(loser?.code, `round ${round}: ${loser?.stderr}`).toBe(4);
      expect(loser?.stderr).toMatch(new RegExp(`held by process ${winner?.pid} \\(the keyturn CLI on .*, since .*\\): it is running there, so nothing was done here`));
      expect(loser?.stderr).not.toMatch(/--resume/);

    }
  }, 120_000);

  it('a rotation is held from the moment it is recorded: between its record and its first step, a second rotate is told it runs (never --resume) and a --resume is refused', async () => {
    const { home, user, old } = await nexoraKeyWithTarget(nexora, { env: 'sandbox', name: 'svc', variable: 'KEY' });
    const first = engineStoppedAfterRecord(home, 'the keyturn CLI');
    const started = first.engine.start(REF, quietInteraction, { yes: true, revokeWaitMs: 5_000 });
    try {
      await first.recorded;
      const second = await keyturnProcess(home, ['rotate', REF, '--yes']);
      expect(second.code, second.stderr).toBe(4);
      expect(second.stderr).toMatch(new RegExp(`a rotation of ${REF} is already running: held by process ${process.pid} \\(the keyturn CLI on .*\\)\\. Wait for it to finish`));
      expect(second.stderr).not.toMatch(/--resume/);
      const resumed = await keyturnProcess(home, ['rotate', REF, '--resume', '--yes']);
      expect(resumed.code, resumed.stderr).toBe(4);
      expect(resumed.stderr).toMatch(new RegExp(`held by process ${process.pid} \\(the keyturn CLI on .*\\): it is running there, so nothing was done here`));
      // Neither sent anything to the provider.
      expect(nexora.control.requests().filter((r) => r.method === 'POST' && r.authKeyId === old.id)).toEqual([]);
    } finally {
      first.go();
    }
    // The process that started the rotation still owns it and finishes it.
    expect((await started).state).toBe('completed');
    await first.close();
    expect(nexora.control.keys().filter((k) => k.userId === user.id && k.status === 'active')).toHaveLength(1);
  }, 60_000);

  async function stoppedAtCreate() {
    const vault = await nexoraKeyWithTarget(nexora, { env: 'sandbox', name: 'svc', variable: 'KEY' });
    nexora.control.setFault({ status: 503, method: 'POST', times: 1 });
    expect((await vault.run(['rotate', REF])).code).toBe(1);
    return { ...vault, rotationId: (await stoppedId(vault.run)) ?? '' };
  }

  it('a second rotate while one runs says which process runs it and to wait, never to --resume; once it is gone, to --resume', async () => {
    const { home, run, user, old, rotationId } = await stoppedAtCreate();
    const holder = await holdRotationLock(home, rotationId, 'the keyturn CLI');
    try {
      const second = await run(['rotate', REF, '--yes']);
      expect(second.code).toBe(4);
      expect(second.stderr).toMatch(new RegExp(`a rotation of ${REF} is already running: held by process ${holder.pid} \\(the keyturn CLI on .*\\)\\. Wait for it to finish`));
      expect(second.stderr).not.toMatch(/--resume/);
      const resumed = await run(['rotate', REF, '--resume', '--yes']);
      expect(resumed.code).toBe(4);
      expect(resumed.stderr).toMatch(new RegExp(`held by process ${holder.pid}`));
      expect((await run(['rotation', 'status'])).stdout).toMatch(new RegExp(`create failed: .* — running in process ${holder.pid} \\(the keyturn CLI`));
      // Nothing was done by either: no create was sent.
      expect(nexora.control.requests().filter((r) => r.method === 'POST' && r.authKeyId === old.id && r.status !== 503)).toEqual([]);
    } finally {
      await holder.kill();
    }
    // The holder is gone (SIGKILL): now the rotation is stopped, and resuming it is the advice.
    const again = await run(['rotate', REF, '--yes']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already in progress \(create failed.*resume it with "keyturn rotate nexora\/acme\/self\/svc --resume"/);
    const resumed = await run(['rotate', REF, '--resume', '--yes']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(nexora.control.keys().filter((k) => k.userId === user.id && k.status === 'active')).toHaveLength(1);
  }, 60_000);

  it('a rotation whose process was killed (SIGKILL) mid-create is taken over by the next resume, through the CLI', async () => {
    const { home, run, user } = await nexoraKeyWithTarget(nexora, { env: 'sandbox', name: 'svc', variable: 'KEY' });
    const crashed = await rotateInChild({ home, ref: REF, crashAt: 'create:provider-created' });
    expect(crashed.signal, crashed.out).toBe('SIGKILL');
    const rotationId = (await stoppedId(run)) ?? '';
    // The killed owner's lock is still there, with its owner record.
    expect(existsSync(join(home, 'rotation-locks', `${rotationId}.lock`))).toBe(true);
    expect(JSON.parse(readFileSync(join(home, 'rotation-locks', `${rotationId}.owner.json`), 'utf8'))).toMatchObject({ pid: crashed.pid });
    const resumed = await keyturnProcess(home, ['rotate', REF, '--resume', '--yes']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(nexora.control.keys().filter((k) => k.userId === user.id && k.status === 'active')).toHaveLength(1);
    expect(existsSync(join(home, 'rotation-locks', `${rotationId}.lock`))).toBe(false);
  }, 60_000);
});

const quietInteraction: RotationInteraction = {
  confirmProduction: async () => true,
  pasteNewKey: async () => null,
  showRevokeGuide: () => undefined,
  confirmDespiteWarnings: async () => true,
  progress: () => undefined,
};

async function stoppedId(run: (argv: readonly string[]) => Promise<{ stdout: string }>): Promise<string | undefined> {
  const rotations = JSON.parse((await run(['rotation', 'status', '--json'])).stdout) as { id: string; state: string }[];
  return rotations.find((r) => r.state === 'in-progress')?.id;
}

