import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { call, controlCall } from './test-client.js';

const control = { controlUrl: z.string(), controlToken: z.string() };
const key = z.object({ id: z.string(), secret: z.string(), status: z.string() }).loose();
const summarySchema = z.object({
  xora: z.object({ baseUrl: z.string(), ...control, keys: z.array(key) }),
  nexora: z.object({ baseUrl: z.string(), ...control, users: z.array(z.object({ email: z.string(), password: z.string() }).loose()), keys: z.array(key) }),
  nora: z.object({ baseUrls: z.object({ sandbox: z.string(), production: z.string() }), ...control, keys: z.array(key) }),
  xerotier: z.object({ baseUrl: z.string(), ...control, projects: z.array(z.object({ id: z.string(), slug: z.string() })), keys: z.array(key) }),
});

describe('serve.ts', () => {
  it('prints one JSON line with URLs and seeded keys, serves, and exits cleanly on SIGTERM', async () => {
    const script = fileURLToPath(new URL('./serve.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--seed', '--latency', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit');
    try {
      const lines = createInterface({ input: child.stdout });
      const [first] = (await once(lines, 'line')) as [string];
      const summary = summarySchema.parse(JSON.parse(first));

      const active = summary.xora.keys.find((k) => k.status === 'active');
      expect(active).toBeDefined();
      expect((await call(`${summary.xora.baseUrl}/jobs`, { headers: { 'x-api-key': active?.secret ?? '' } })).status).toBe(200);
      expect(summary.nora.keys.some((k) => k.secret.startsWith('sk_live_'))).toBe(true);
      expect(summary.nexora.users[0]?.email).toBeTruthy();
      expect(summary.xerotier.keys.length).toBeGreaterThanOrEqual(2);
      expect((await controlCall(summary.nora, 'GET', '/keys')).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const [code, signal] = await exited;
    expect({ code, signal, stderr: stderr.replace(/npm warn.*\n/g, '') }).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('takes --mode PROVIDER.NAME=VALUE for a reading where a document is silent, and refuses an unknown one', async () => {
    const script = fileURLToPath(new URL('./serve.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--seed', '--mode', 'nora.endpoints=with-instance'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = once(child, 'exit');
    try {
      const [first] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const summary = summarySchema.parse(JSON.parse(first));
      const sandbox = summary.nora.keys.find((k) => k.status === 'active' && k.secret.startsWith('sk_test_'));
      expect((await call(`${summary.nora.baseUrls.sandbox}/v2/instance`, { headers: { 'x-api-key': sandbox?.secret ?? '' } })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    await exited;

    const refused = spawn(process.execPath, ['--import', 'tsx', script, '--mode', 'nora.endpoints=everything'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    refused.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(refused, 'exit')) as [number];
    expect(code).toBe(2);
    expect(stderr).toMatch(/serve: --mode nora: endpoints: /);
  });
});
