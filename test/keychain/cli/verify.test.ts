import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NORA_KEYS_PATH, startAllEmulators } from '../../emulators/index.js';
import { cliFor } from '../../support/cli.js';
import { tempHome } from '../../support/temp-home.js';

type Emulators = Awaited<ReturnType<typeof startAllEmulators>>;

describe('keyturn key verify against the emulators', () => {
  let emulators: Emulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });

  async function vaultWithOneKeyPerProvider() {
    const home = tempHome();
    const run = cliFor(home);
    const project = emulators.xerotier.control.createProject({ slug: `p${Date.now()}` });
    const secrets = {
      xora: emulators.xora.control.createKey({ name: 'ci' }),
      nexora: emulators.nexora.control.createKey({ name: 'ci' }),
      noraLive: emulators.nora.control.createKey({ name: 'backend', env: 'production', org: 'acme' }),
      noraTest: emulators.nora.control.createKey({ name: 'backend', env: 'sandbox', org: 'acme' }),
      xerotier: emulators.xerotier.control.createKey({ name: 'ci', projectId: project.id }),
    };
    const setup: [string[], string?][] = [
      [['instance', 'add', 'xora', 'acme', 'main', '--env', 'production', '--base-url', emulators.xora.baseUrl()]],
      [['instance', 'add', 'nexora', 'acme', 'self', '--env', 'production', '--base-url', emulators.nexora.baseUrl()]],
      [['instance', 'add', 'nora', 'acme', 'live', '--env', 'production', '--base-url', emulators.nora.baseUrl('production'), '--verify-path', NORA_KEYS_PATH]],
      [['instance', 'add', 'nora', 'acme', 'test', '--env', 'sandbox', '--base-url', emulators.nora.baseUrl('sandbox'), '--verify-path', NORA_KEYS_PATH]],
      [['instance', 'add', 'xerotier', project.slug, 'prod', '--env', 'production', '--base-url', emulators.xerotier.baseUrl(), '--project-id', project.id]],
      [['key', 'add', 'xora/acme/main', 'ci'], secrets.xora.secret],
      [['key', 'add', 'nexora/acme/self', 'ci'], secrets.nexora.secret],
      [['key', 'add', 'nora/acme/live', 'backend', '--expires', '2099-12-31'], secrets.noraLive.secret],
      [['key', 'add', 'nora/acme/test', 'backend'], secrets.noraTest.secret],
      [['key', 'add', `xerotier/${project.slug}/prod`, 'ci'], secrets.xerotier.secret],
    ];
    for (const [args, stdin] of setup) {
      const result = await run(args, stdin);
      expect(result, args.join(' ')).toMatchObject({ code: 0 });
    }
    return { home, run, secrets, project };
  }

  it('verifies every key with --all, prints JSON, exits 0 when all are valid', async () => {
    const { run } = await vaultWithOneKeyPerProvider();
    const result = await run(['key', 'verify', '--all', '--json']);
    expect(result.code).toBe(0);
    const outcomes = JSON.parse(result.stdout) as { ref: string; result: string; httpStatus: number; revoked: boolean; reason: string }[];
    expect(outcomes).toHaveLength(5);
    for (const o of outcomes) expect(Object.keys(o).sort()).toEqual(['httpStatus', 'reason', 'ref', 'result', 'revoked']);
    expect(outcomes.every((o) => o.result === 'valid' && o.httpStatus === 200)).toBe(true);
  });

  it('exits 1 and says revoked when a key was revoked in the dashboard; the result is kept in metadata', async () => {
    const { run, secrets } = await vaultWithOneKeyPerProvider();
    emulators.nora.control.revokeKey(secrets.noraLive.id);
    const result = await run(['key', 'verify', 'nora/acme/live/backend', 'xora/acme/main/ci']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/nora\/acme\/live\/backend\s+rejected \(revoked\)\s+401/);
    expect(result.stdout).toMatch(/xora\/acme\/main\/ci\s+valid\s+200/);
    const shown = JSON.parse((await run(['key', 'show', 'nora/acme/live/backend', '--json'])).stdout) as { lastVerification: { result: string; revoked: boolean } };
    expect(shown.lastVerification).toMatchObject({ result: 'rejected', revoked: true });
  });

  it('exits 1 with unknown when the provider is down, never calling the key rejected', async () => {
    const { run } = await vaultWithOneKeyPerProvider();
    emulators.xora.control.setFault({ status: 503 });
    try {
      const result = await run(['key', 'verify', 'xora/acme/main/ci', '--json']);
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ result: 'unknown', httpStatus: 503, revoked: false })]);
    } finally {
      emulators.xora.control.clearFaults();
    }
  });

  it('a mistyped verify path (404 for every key) is unknown and exits 1, never valid', async () => {
    const home = tempHome();
    const run = cliFor(home);
    const key = emulators.nora.control.createKey({ name: 'backend', env: 'production', org: 'acme' });
    expect((await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production', '--base-url', emulators.nora.baseUrl('production'), '--verify-path', '/v2instance'])).code).toBe(0);
    expect((await run(['key', 'add', 'nora/acme/live', 'backend'], key.secret)).code).toBe(0);
    const result = await run(['key', 'verify', 'nora/acme/live/backend', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ result: 'unknown', httpStatus: 404, revoked: false, reason: expect.stringMatching(/proves nothing.*verify path/) })]);
  });

  it('verifies a user-defined provider with its own header, prefix and verify path', async () => {
    const home = tempHome();
    const run = cliFor(home);
    // The Xora emulator stands in for "a provider Keyturn does not know": X-API-KEY header, nte_ prefix.
    const origin = new URL(emulators.xora.baseUrl()).origin;
    expect((await run(['provider', 'add', 'acme', '--prefix', 'nte_', '--header', 'X-API-KEY', '--production-url', origin, '--verify-path', '/v1/jobs'])).code).toBe(0);
    expect((await run(['instance', 'add', 'acme', 'acme', 'main', '--env', 'production'])).code).toBe(0);
    const key = emulators.xora.control.createKey({ name: 'custom' });
    expect((await run(['key', 'add', 'acme/acme/main', 'k'], key.secret)).code).toBe(0);
    const result = await run(['key', 'verify', 'acme/acme/main/k', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ ref: 'custom:acme/acme/main/k', result: 'valid' })]);
    emulators.xora.control.revokeKey(key.id);
    expect((await run(['key', 'verify', 'acme/acme/main/k'])).code).toBe(1);
  });

  it('no file in the vault home ever holds a secret', async () => {
    const { home, run, secrets } = await vaultWithOneKeyPerProvider();
    await run(['key', 'verify', '--all']);
    await run(['key', 'list', '--json']);
    await run(['key', 'remove', 'nora/acme/test/backend']);
    const everything: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else everything.push(readFileSync(full, 'latin1'));
      }
    };
    walk(home);
    expect(everything.length).toBeGreaterThan(0);
    for (const { secret } of Object.values(secrets)) {
      for (const content of everything) {
        expect(content).not.toContain(secret);
        // Not even the unmasked tail a careless mask would leave.
        expect(content).not.toContain(secret.slice(-16));
      }
    }
  });
});
