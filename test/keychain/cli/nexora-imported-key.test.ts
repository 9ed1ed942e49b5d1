import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/program.js';
import { startEmulator, type NexoraEmulator, type NexoraOptions } from '../../emulators/index.js';
import { nexoraKeyWithTarget } from '../../support/nexora-fixture.js';

interface Listed { id: string; name: string; status: string; remoteId: string | null }

/**
 * A Nexora key pasted into Keyturn (not created by it) is rotated and revoked BY API, against a
 * Nexora that lists only the documented fields (no prefix), and against each other reading of what
 * document 001 leaves open. Where the list leaves it open which key it is, the person says.
 */
describe('keyturn and a Nexora key it did not create', () => {
  const modes: Record<string, NexoraOptions> = {
    'documented fields only (default)': {},
    'with prefix': { listPrefix: true },
    'last_used_at on every call': { lastUsedAt: 'on-every-call' },
    'last_used_at after the answer': { lastUsedAt: 'after-answer' },
  };
  const emulators = new Map<string, NexoraEmulator>();
  beforeAll(async () => {
    for (const [mode, options] of Object.entries(modes)) emulators.set(mode, await startEmulator('nexora', { nexora: options }));
  });
  afterAll(async () => {
    await Promise.all([...emulators.values()].map((e) => e.close()));
  });
  afterEach(() => {
    for (const e of emulators.values()) e.control.resetRequests();
  });
  const plain = () => emulators.get('documented fields only (default)')!;

  const deleted = (nexora: NexoraEmulator, id: string) => nexora.control.requests().filter((r) => r.method === 'DELETE' && r.path === `/api/users/me/api-keys/${id}`);
  const keysOf = async (run: Awaited<ReturnType<typeof nexoraKeyWithTarget>>['run']) => JSON.parse((await run(['key', 'list', '--json'])).stdout) as Listed[];
  async function answersWith(nexora: NexoraEmulator, secret: string): Promise<number> {
    return (await fetch(`${nexora.baseUrl()}/users/me/api-keys`, { headers: { authorization: `Bearer ${secret}` } })).status;
  }

  for (const mode of Object.keys(modes)) {
    it(`${mode}: rotating an imported key revokes the old one by API (DELETE, then 401), with no dashboard wait, and stores its id`, async () => {
      const nexora = emulators.get(mode)!;
      // The first hour: the one key of its account at Nexora, named there otherwise than in the vault.
      const { run, old } = await nexoraKeyWithTarget(nexora, { env: 'sandbox', name: 'backend', nexoraName: 'CI pipeline', variable: 'KEY' });
      const result = await run(['rotate', 'nexora/acme/self/backend', '--revoke-wait', '5']);
      expect(result.stderr).not.toMatch(/in the dashboard/);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/rotation complete/);
      expect(deleted(nexora, old.id)).toHaveLength(1);
      expect(await answersWith(nexora, old.secret)).toBe(401);
      const revoked = (await keysOf(run)).find((k) => k.status === 'revoked');
      expect(revoked?.remoteId).toBe(old.id);
    });
  }

  for (const mode of ['documented fields only (default)', 'last_used_at on every call']) {
    it(`${mode}: forbids revoking a colleague's key that carries the record's name: several keys are asked about, none revoked`, async () => {
      const nexora = emulators.get(mode)!;
      const { run, old, others } = await nexoraKeyWithTarget(nexora, { env: 'sandbox', name: 'backend', nexoraName: 'CI pipeline', variable: 'KEY', otherKeys: ['backend'] });
      const result = await run(['rotate', 'nexora/acme/self/backend']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/pass --remote-id/);
      expect(result.stderr.indexOf(others[0]!.id)).toBeLessThan(result.stderr.indexOf(old.id));
      expect(nexora.control.requests().filter((r) => r.method === 'DELETE' || r.method === 'POST')).toEqual([]);
      expect(await answersWith(nexora, others[0]!.secret)).toBe(200);
    });
  }

  it('ambiguous without a terminal: exits 2 listing the candidates and saying --remote-id, and changes nothing', async () => {
    const { run, old, others } = await nexoraKeyWithTarget(plain(), { env: 'sandbox', name: 'backend', nexoraName: 'CI pipeline', variable: 'KEY', otherKeys: ['laptop'] });
    plain().control.resetRequests();
    const result = await run(['rotate', 'nexora/acme/self/backend']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(old.id);
    expect(result.stderr).toContain(others[0]!.id);
    expect(result.stderr).toMatch(/"CI pipeline"/);
    expect(result.stderr).toMatch(/pass --remote-id/);
    expect(result.stderr).not.toContain(old.secret);
    expect(plain().control.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    expect(JSON.parse((await run(['rotation', 'status', '--json'])).stdout)).toEqual([]);
    expect((await keysOf(run)).map((k) => k.remoteId)).toEqual([null]);
  });

  it('--remote-id must be one of the keys Nexora lists: another id is bad input, nothing changed', async () => {
    const { run } = await nexoraKeyWithTarget(plain(), { env: 'sandbox', name: 'backend', nexoraName: 'CI pipeline', variable: 'KEY', otherKeys: ['laptop'] });
    const stranger = plain().control.createKey({ name: 'someone else’s' });
    plain().control.resetRequests();
    const result = await run(['rotate', 'nexora/acme/self/backend', '--remote-id', stranger.id]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is not among the keys/);
    expect(plain().control.requests().filter((r) => r.method !== 'GET')).toEqual([]);
    expect(plain().control.keys().find((k) => k.id === stranger.id)?.status).toBe('active');
  });

  it('ambiguous, with --remote-id: rotated by API, the id stored, the other key untouched', async () => {
    const { run, old, others } = await nexoraKeyWithTarget(plain(), { env: 'sandbox', name: 'backend', nexoraName: 'CI pipeline', variable: 'KEY', otherKeys: ['laptop'] });
    const result = await run(['rotate', 'nexora/acme/self/backend', '--remote-id', old.id, '--revoke-wait', '5']);
    expect(result.stderr).not.toMatch(/in the dashboard/);
    expect(result.code).toBe(0);
    expect(deleted(plain(), old.id)).toHaveLength(1);
    expect(await answersWith(plain(), old.secret)).toBe(401);
    expect(plain().control.keys().find((k) => k.id === others[0]!.id)?.status).toBe('active');
    expect((await keysOf(run)).find((k) => k.status === 'revoked')?.remoteId).toBe(old.id);
  });

  it('ambiguous on a terminal: the candidates are listed, the number typed is taken, and stored', async () => {
    const { home, old, others, run } = await nexoraKeyWithTarget(plain(), { env: 'sandbox', name: 'backend', nexoraName: 'CI pipeline', variable: 'KEY', otherKeys: ['laptop'] });
    let stderr = '';
    const asked: string[] = [];
    const code = await runCli(['--home', home, 'revoke', 'nexora/acme/self/backend', '--wait', '5'], {
      out: () => undefined,
      err: (t) => (stderr += t),
      readStdin: async () => '',
      promptSecret: null,
      ask: async (message) => {
        asked.push(message);
        // The candidates as printed: pick the old key by its number.
        const line = stderr.split('\n').find((l) => l.includes(old.id)) ?? '';
        return /^\s*(\d+)\./.exec(line)?.[1] ?? '';
      },
      confirm: async () => true,
      env: {},
      sinks: { stdout: new Writable({ write: (_c, _e, done) => done() }), stderr: new Writable({ write: (_c, _e, done) => done() }) },
    });
    expect(asked).toHaveLength(1);
    expect(stderr).toContain(others[0]!.id);
    expect(code).toBe(0);
    expect(deleted(plain(), old.id)).toHaveLength(1);
    expect(await answersWith(plain(), old.secret)).toBe(401);
    expect((await keysOf(run))[0]?.remoteId).toBe(old.id);
  });

  it('ambiguous on a terminal, answered "the dashboard": asked once, then the revocation is guided and proven', async () => {
    const { home, old } = await nexoraKeyWithTarget(plain(), { env: 'sandbox', name: 'backend', nexoraName: 'CI pipeline', variable: 'KEY', otherKeys: ['laptop'] });
    let stderr = '';
    let asked = 0;
    const code = await runCli(['--home', home, 'rotate', 'nexora/acme/self/backend', '--revoke-wait', '10'], {
      out: () => undefined,
      err: (t) => {
        stderr += t;
        // The person revokes it in the dashboard the moment the guide says so.
        if (t.includes('Revoke the old key in the dashboard')) plain().control.revokeKey(old.id);
      },
      readStdin: async () => '',
      promptSecret: null,
      ask: async () => {
        asked += 1;
        return '';
      },
      confirm: async () => true,
      env: {},
      sinks: { stdout: new Writable({ write: (_c, _e, done) => done() }), stderr: new Writable({ write: (_c, _e, done) => done() }) },
    });
    expect(asked).toBe(1);
    expect(stderr).toMatch(/Revoke the old key in the dashboard/);
    expect(code).toBe(0);
    expect(deleted(plain(), old.id)).toHaveLength(0);
  });

  it('revoke, ambiguous without a terminal: exits 2 listing the candidates; with --remote-id it revokes by API', async () => {
    const { run, old } = await nexoraKeyWithTarget(plain(), { env: 'sandbox', name: 'backend', nexoraName: 'CI pipeline', variable: 'KEY', otherKeys: ['laptop'] });
    const refused = await run(['revoke', 'nexora/acme/self/backend', '--yes', '--wait', '5']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(old.id);
    expect(refused.stderr).toMatch(/pass --remote-id/);
    expect(deleted(plain(), old.id)).toHaveLength(0);
    expect(await answersWith(plain(), old.secret)).toBe(200);

    const revoked = await run(['revoke', 'nexora/acme/self/backend', '--yes', '--wait', '5', '--remote-id', old.id]);
    expect(revoked.stderr).not.toMatch(/in the dashboard/);
    expect(revoked.code).toBe(0);
    expect(deleted(plain(), old.id)).toHaveLength(1);
    expect(await answersWith(plain(), old.secret)).toBe(401);
    expect((await keysOf(run))[0]).toMatchObject({ status: 'revoked', remoteId: old.id });
  });

  it('--remote-id for a provider without a key API (Nora) is bad input on rotate and revoke: exit 2, nothing changed', async () => {
    const nora = await startEmulator('nora');
    try {
      const old = nora.control.createKey({ name: 'svc', env: 'sandbox' });
      const { run } = await nexoraKeyWithTarget(plain(), { env: 'sandbox', name: 'backend', variable: 'KEY' });
      await run(['instance', 'add', 'nora', 'acme', 'test', '--env', 'sandbox', '--base-url', nora.baseUrl('sandbox')]);
      expect((await run(['key', 'add', 'nora/acme/test', 'svc'], old.secret)).code).toBe(0);
      for (const args of [['rotate', 'nora/acme/test/svc', '--remote-id', old.id], ['revoke', 'nora/acme/test/svc', '--yes', '--remote-id', old.id]]) {
        const refused = await run(args);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toMatch(/Nora has no key API.*leave out the remote id/);
      }
      expect(JSON.parse((await run(['rotation', 'status', '--json'])).stdout)).toEqual([]);
      expect(nora.control.keys()[0]?.status).toBe('active');
    } finally {
      await nora.close();
    }
  });

  for (const mode of Object.keys(modes)) {
    it(`${mode}: emergency revoke of an imported key (revoke --leaked) revokes it by API and stores its id`, async () => {
      const nexora = emulators.get(mode)!;
      const { run, old } = await nexoraKeyWithTarget(nexora, { env: 'sandbox', name: 'backend', nexoraName: 'CI pipeline', variable: 'KEY' });
      const result = await run(['revoke', '--leaked', '--yes', '--wait', '5'], `${old.secret}\n`);
      expect(result.stderr).not.toMatch(/in the dashboard/);
      expect(result.code).toBe(0);
      expect(deleted(nexora, old.id)).toHaveLength(1);
      expect(await answersWith(nexora, old.secret)).toBe(401);
      expect((await keysOf(run))[0]).toMatchObject({ status: 'revoked', remoteId: old.id });
    });
  }
});
