import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NORA_KEYS_PATH, startAllEmulators, type AllEmulators } from '../../../emulators/index.js';
import { cliFor } from '../../../support/cli.js';
import { tempHome } from '../../../support/temp-home.js';

const LATENCY_MS = 20;
/** Consumers starting at once: each start is a keyturn and a node process, on a small shared machine. */
const WORKERS = 2;

/**
 * The request itself, as the program keyturn starts: it reads its key from the environment and its
 * exit code says whether the provider took it (its output is masked by keyturn; its exit code is
 * not). It says the HTTP status on stderr, for a failure's account.
 */
function requester(url: string, header: string, prefix: string, variable: string): string {
  const request = `fetch(${JSON.stringify(url)}, { headers: { ${JSON.stringify(header)}: ${JSON.stringify(prefix)} + process.env[${JSON.stringify(variable)}] } })`;
  return `${request}.then((r) => { console.error('status ' + r.status); process.exit(r.ok ? 0 : 1); }, (e) => { console.error(String(e)); process.exit(2); })`;
}

/** `keyturn run --env-file FILE -- node -e SCRIPT` as a real process: its exit status, and its stderr for a failure's account. */
function keyturnRun(home: string, envFile: string, script: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/keyturn.mjs', '--home', home, 'run', '--env-file', envFile, '--', process.execPath, '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) => resolve({ code: null, stderr: String(error) }));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/**
 * A consumer that starts its program through `keyturn run --env-file` before each request (the
 * file holds a reference, not a key), WORKERS at a time, back to back. `rotated()` marks the end
 * of the rotation; `stop()` waits for a request started after it (the old key is revoked by then,
 * so only a reference that followed the rotation passes) and gives the counts.
 */
function consumer(start: () => Promise<{ code: number | null; stderr: string }>) {
  const results: { code: number | null; afterRotation: boolean }[] = [];
  const failures: string[] = [];
  let rotationDone = false;
  let stopping = false;
  const waiting = new Set<() => void>();
  const loops = Array.from({ length: WORKERS }, async () => {
    while (!stopping) {
      const afterRotation = rotationDone;
      const { code, stderr } = await start();
      results.push({ code, afterRotation });
      if (code !== 0) failures.push(`exit ${code}: ${stderr.trim()}`);
      for (const check of waiting) check();
    }
  });
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!done()) return;
        waiting.delete(check);
        resolve();
      };
      waiting.add(check);
      check();
    });
  return {
    /** Resolves once a first request has been answered: the consumer is running before the rotation starts. */
    started: () => until(() => results.length > 0),
    rotated: () => {
      rotationDone = true;
    },
    stop: async () => {
      await until(() => results.some((r) => r.afterRotation));
      stopping = true;
      await Promise.all(loops);
      return { sent: results.length, failed: results.filter((r) => r.code !== 0).length, afterRotation: results.filter((r) => r.afterRotation).length, failures: failures.slice(0, 3) };
    },
  };
}

/*
 * What this holds the rotation to: a run that resolved the old key just before the name moved to
 * the new one (the verify step) is still starting its program when the rotation goes on to revoke;
 * its request must be answered all the same. Unlike a .env read the instant before a request,
 * resolve-then-start takes a process start (hundreds of ms on a busy machine), so the old key must
 * outlive the runs that resolved it.
 */
describe('zero downtime with references: a consumer started through keyturn run --env-file never sees a failure during a rotation', () => {
  let emulators: AllEmulators;
  const measured: Record<string, { sent: number; failed: number; afterRotation: number; ms: number }> = {};
  beforeAll(async () => {
    emulators = await startAllEmulators({ latencyMs: LATENCY_MS });
  });
  afterAll(async () => {
    await emulators.close();
    // The figures the README reports.
    console.log(`zero-downtime-with-references measurements (${LATENCY_MS} ms latency, ${WORKERS} consumers): ${JSON.stringify(measured)}`);
  });

  it('during a Nexora API rotation (create new, revoke old): the .env holds a reference and is never rewritten', { timeout: 120_000 }, async () => {
    const home = tempHome();
    const run = cliFor(home);
    const user = emulators.nexora.control.createUser({ email: `${Math.random().toString(36).slice(2)}@acme.test`, password: 'pw' });
    const old = emulators.nexora.control.createKey({ name: 'svc', userId: user.id });
    expect((await run(['instance', 'add', 'nexora', 'acme', 'self', '--env', 'production', '--base-url', emulators.nexora.baseUrl()])).code).toBe(0);
    expect((await run(['key', 'add', 'nexora/acme/self', 'svc'], old.secret)).code).toBe(0);
    const env = join(home, '.env');
    const text = 'NEXORA_API_KEY=keyturn://nexora/acme/self/svc\n';
    writeFileSync(env, text);

    const script = requester(`${emulators.nexora.baseUrl()}/agents`, 'authorization', 'Bearer ', 'NEXORA_API_KEY');
    const consuming = consumer(() => keyturnRun(home, env, script));
    await consuming.started();
    const started = Date.now();
    const result = await run(['rotate', 'nexora/acme/self/svc', '--yes']).finally(consuming.rotated);
    const counts = await consuming.stop();
    measured.nexoraApi = { sent: counts.sent, failed: counts.failed, afterRotation: counts.afterRotation, ms: Date.now() - started };
    expect(result.code, result.stderr).toBe(0);
    expect(counts.failures).toEqual([]);
    expect(counts.failed).toBe(0);
    expect(counts.afterRotation).toBeGreaterThan(0);
    // The old key is dead: what passed after the rotation used the new one, through the same reference.
    expect((await fetch(`${emulators.nexora.baseUrl()}/agents`, { headers: { authorization: `Bearer ${old.secret}` } })).status).toBe(401);
    expect(readFileSync(env, 'utf8')).toBe(text);
  });

  it('during a guided Nora production rotation', { timeout: 120_000 }, async () => {
    const home = tempHome();
    const run = cliFor(home);
    const old = emulators.nora.control.createKey({ name: 'svc', env: 'production', org: 'acme' });
    expect((await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production', '--base-url', emulators.nora.baseUrl('production'), '--verify-path', NORA_KEYS_PATH])).code).toBe(0);
    expect((await run(['key', 'add', 'nora/acme/live', 'svc'], old.secret)).code).toBe(0);
    const env = join(home, '.env');
    const text = 'NORA_KEY=keyturn://nora/acme/live/svc\n';
    writeFileSync(env, text);
    const fresh = emulators.nora.control.createKey({ name: 'svc-2026-11', env: 'production', org: 'acme' });

    const script = requester(`${emulators.nora.baseUrl('production')}${NORA_KEYS_PATH}`, 'x-api-key', '', 'NORA_KEY');
    const consuming = consumer(() => keyturnRun(home, env, script));
    await consuming.started();
    const started = Date.now();
    const result = await run(['rotate', 'nora/acme/live/svc', '--yes', '--new-key-stdin', '--revoke-wait', '10'], fresh.secret, (said) => {
      if (said.includes('Revoke the old key in the dashboard')) emulators.nora.control.revokeKey(old.id);
    }).finally(consuming.rotated);
    const counts = await consuming.stop();
    measured.noraGuided = { sent: counts.sent, failed: counts.failed, afterRotation: counts.afterRotation, ms: Date.now() - started };
    expect(result.code, result.stderr).toBe(0);
    expect(counts.failures).toEqual([]);
    expect(counts.failed).toBe(0);
    expect(counts.afterRotation).toBeGreaterThan(0);
    expect((await fetch(`${emulators.nora.baseUrl('production')}${NORA_KEYS_PATH}`, { headers: { 'x-api-key': old.secret } })).status).toBe(401);
    expect(readFileSync(env, 'utf8')).toBe(text);
  });
});
