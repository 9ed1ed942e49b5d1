import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NORA_KEYS_PATH, startAllEmulators, type AllEmulators } from '../../../emulators/index.js';
import { cliFor } from '../../../support/cli.js';
import { nexoraKeyWithTarget } from '../../../support/nexora-fixture.js';
import { tempHome } from '../../../support/temp-home.js';

const LATENCY_MS = 20;

/**
 * A consumer that reads the .env target before each request and sends about 100 requests a second
 * while a rotation runs. Returns a stop function giving how many requests were sent and how many failed.
 */
function consumer(envFile: string, variable: string, send: (key: string) => Promise<number>) {
  const statuses: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const key = new RegExp(`^(?:export )?${variable}=['"]?([^'"\\r\\n]+)`, 'm').exec(readFileSync(envFile, 'utf8'))?.[1] ?? '';
    const request = send(key).then(
      (status) => void statuses.push(status),
      () => void statuses.push(0),
    );
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  }, 10);
  return async () => {
    clearInterval(timer);
    await Promise.all(inFlight);
    return { sent: statuses.length, failed: statuses.filter((s) => s < 200 || s >= 300).length };
  };
}

describe('zero downtime: a consumer that re-reads its .env never sees a failure during a rotation', () => {
  let emulators: AllEmulators;
  const measured: Record<string, { sent: number; failed: number; ms: number }> = {};
  beforeAll(async () => {
    emulators = await startAllEmulators({ latencyMs: LATENCY_MS });
  });
  afterAll(async () => {
    await emulators.close();
    // The figures the README reports.
    console.log(`zero-downtime measurements (${LATENCY_MS} ms latency): ${JSON.stringify(measured)}`);
  });

  async function nexoraSetup() {
    const { run, env } = await nexoraKeyWithTarget(emulators.nexora, { env: 'production', name: 'svc', variable: 'NEXORA_API_KEY' });
    const send = async (key: string) => (await fetch(`${emulators.nexora.baseUrl()}/agents`, { headers: { authorization: `Bearer ${key}` } })).status;
    return { run, env, send };
  }


  it('during a Nexora API rotation (create new, revoke old)', async () => {
    const { run, env, send } = await nexoraSetup();
    const stop = consumer(env, 'NEXORA_API_KEY', send);
    const started = Date.now();
    const result = await run(['rotate', 'nexora/acme/self/svc', '--yes']);
    measured.nexoraApi = { ...(await stop()), ms: Date.now() - started };
    expect(result.code, result.stderr).toBe(0);
    expect(measured.nexoraApi.sent).toBeGreaterThan(0);
    expect(measured.nexoraApi.failed).toBe(0);
  });

  it('during a guided Nora production rotation', async () => {
    const home = tempHome();
    const run = cliFor(home);
    const old = emulators.nora.control.createKey({ name: 'svc', env: 'production', org: 'acme' });
    await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production', '--base-url', emulators.nora.baseUrl('production'), '--verify-path', NORA_KEYS_PATH]);
    await run(['key', 'add', 'nora/acme/live', 'svc'], old.secret);
    const env = join(home, '.env');
    writeFileSync(env, `NORA_KEY=${old.secret}\n`);
    await run(['target', 'add', 'nora/acme/live/svc', 'dotenv', env, 'NORA_KEY']);
    const fresh = emulators.nora.control.createKey({ name: 'svc-2026-11', env: 'production', org: 'acme' });
    const stop = consumer(env, 'NORA_KEY', async (key) => (await fetch(`${emulators.nora.baseUrl('production')}${NORA_KEYS_PATH}`, { headers: { 'x-api-key': key } })).status);
    const started = Date.now();
    const result = await run(['rotate', 'nora/acme/live/svc', '--yes', '--new-key-stdin', '--revoke-wait', '10'], fresh.secret, (text) => {
      if (text.includes('Revoke the old key in the dashboard')) emulators.nora.control.revokeKey(old.id);
    });
    measured.noraGuided = { ...(await stop()), ms: Date.now() - started };
    expect(result.code, result.stderr).toBe(0);
    expect(measured.noraGuided.failed).toBe(0);
  });

  it("measures the failures Nexora's in-place rotation causes (the old key dies before consumers swap)", async () => {
    const { run, env, send } = await nexoraSetup();
    const stop = consumer(env, 'NEXORA_API_KEY', send);
    const started = Date.now();
    const result = await run(['rotate', 'nexora/acme/self/svc', '--in-place', '--yes']);
    measured.nexoraInPlace = { ...(await stop()), ms: Date.now() - started };
    expect(result.code, result.stderr).toBe(0);
    // Requests in flight when Nexora rotates reach it with a dead key.
    expect(measured.nexoraInPlace.failed).toBeGreaterThan(0);
  });
});
