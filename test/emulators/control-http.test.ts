import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startAllEmulators } from './index.js';
import type { AllEmulators } from './index.js';
import { call, controlCall } from './test-client.js';

const keySchema = z.object({ id: z.string(), secret: z.string(), status: z.string() }).loose();

describe('control over HTTP', () => {
  let all: AllEmulators;
  beforeAll(async () => {
    all = await startAllEmulators();
  });
  afterAll(() => all.close());

  it('refuses a missing token (401) and a wrong one (403)', async () => {
    for (const emulator of [all.xora, all.nexora, all.nora, all.xerotier]) {
      expect((await controlCall(emulator, 'GET', '/keys', undefined, null)).status).toBe(401);
      expect((await controlCall(emulator, 'GET', '/keys', undefined, 'not-the-token')).status).toBe(403);
      expect((await controlCall(emulator, 'POST', '/keys', { name: 'x' }, `${emulator.controlToken}x`)).status).toBe(403);
    }
    expect(all.xora.control.keys()).toEqual([]);
  });

  it('describes the emulator at /_emulator', async () => {
    const answer = await controlCall(all.nora, 'GET', '');
    expect(answer.json()).toEqual({ provider: 'nora', baseUrls: { sandbox: all.nora.baseUrl('sandbox'), production: all.nora.baseUrl('production') } });
  });

  it('creates, lists, revokes and expires keys', async () => {
    const made = await controlCall(all.xora, 'POST', '/keys', { name: 'from http' });
    expect(made.status).toBe(201);
    const key = keySchema.parse(made.json());
    expect((await call(`${all.xora.baseUrl()}/jobs`, { headers: { 'x-api-key': key.secret } })).status).toBe(200);
    expect(z.array(keySchema).parse((await controlCall(all.xora, 'GET', '/keys')).json()).map((k) => k.id)).toContain(key.id);

    expect((await controlCall(all.xora, 'POST', `/keys/${key.id}/revoke`)).status).toBe(204);
    expect((await call(`${all.xora.baseUrl()}/jobs`, { headers: { 'x-api-key': key.secret } })).status).toBe(401);

    const other = keySchema.parse((await controlCall(all.xora, 'POST', '/keys', { name: 'to expire' })).json());
    expect((await controlCall(all.xora, 'POST', `/keys/${other.id}/expire`)).status).toBe(204);
    expect(all.xora.control.keys().find((k) => k.id === other.id)?.status).toBe('expired');

    expect((await controlCall(all.xora, 'POST', '/keys/tok_unknown/revoke')).status).toBe(404);
    expect((await controlCall(all.xora, 'POST', '/keys', { nom: 'typo' })).status).toBe(400);
    expect((await controlCall(all.xora, 'DELETE', '/keys')).status).toBe(405);
    expect((await controlCall(all.xora, 'GET', '/nothing')).status).toBe(404);
  });

  it('takes provider-specific options, and refuses what the dashboard would', async () => {
    const live = await controlCall(all.nora, 'POST', '/keys', { name: 'prod', env: 'production', expiresAt: '2999-01-01' });
    expect(live.status).toBe(201);
    expect(keySchema.parse(live.json()).secret).toMatch(/^sk_live_/);
    const today = new Date().toISOString().slice(0, 10);
    const early = await controlCall(all.nora, 'POST', '/keys', { name: 'too soon', expiresAt: today });
    expect(early.status).toBe(400);
    expect(early.json()).toEqual({ error: expect.stringContaining('tomorrow') });

    const user = await controlCall(all.nexora, 'POST', '/users', { email: 'ops@nexora.test', password: 'pw' });
    expect(user.status).toBe(201);
    const { id: userId } = z.object({ id: z.string() }).parse(user.json());
    const restricted = await controlCall(all.nexora, 'POST', '/keys', { name: 'ro', userId, permissions: 'restricted' });
    expect(restricted.json()).toMatchObject({ userId, permissions: 'restricted' });
    expect((await controlCall(all.nexora, 'GET', '/users')).json()).toEqual(expect.arrayContaining([expect.objectContaining({ email: 'ops@nexora.test' })]));

    const project = await controlCall(all.xerotier, 'POST', '/projects', { slug: 'http-project' });
    const { id: projectId } = z.object({ id: z.string() }).parse(project.json());
    const xkey = keySchema.parse((await controlCall(all.xerotier, 'POST', '/keys', { name: 'k', projectId })).json());
    expect(xkey.secret.startsWith('xero_http-project_')).toBe(true);
    expect((await controlCall(all.xerotier, 'GET', '/projects')).json()).toHaveLength(2);
    expect((await controlCall(all.xerotier, 'POST', '/projects', { slug: 'http-project' })).status).toBe(409);
  });

  it('sets, lists and clears faults, and shows the request log', async () => {
    const { secret } = all.xerotier.control.createKey({ name: 'faulty' });
    const modelsUrl = `${all.xerotier.baseUrl()}/${all.xerotier.control.defaultProject().id}/v1/models`;
    expect((await controlCall(all.xerotier, 'POST', '/faults', { status: 429, retryAfterSeconds: 2, times: 1 })).status).toBe(204);
    expect((await controlCall(all.xerotier, 'POST', '/faults/add', { status: 500, times: 1 })).status).toBe(204);
    expect((await controlCall(all.xerotier, 'GET', '/faults')).json()).toEqual([{ status: 429, retryAfterSeconds: 2, times: 1 }, { status: 500, times: 1 }]);
    expect((await controlCall(all.xerotier, 'POST', '/faults', { status: 418 })).status).toBe(400);

    const headers = { authorization: `Bearer ${secret}` };
    expect((await call(modelsUrl, { headers })).status).toBe(429);
    expect((await call(modelsUrl, { headers })).status).toBe(500);
    expect((await controlCall(all.xerotier, 'POST', '/faults', { status: 503 })).status).toBe(204);
    expect((await controlCall(all.xerotier, 'DELETE', '/faults')).status).toBe(204);
    expect((await call(modelsUrl, { headers })).status).toBe(200);

    const log = z.array(z.object({ status: z.number().nullable(), path: z.string() })).parse((await controlCall(all.xerotier, 'GET', '/requests')).json());
    expect(log.map((r) => r.status)).toEqual([429, 500, 200]);
    expect((await controlCall(all.xerotier, 'DELETE', '/requests')).status).toBe(204);
    expect((await controlCall(all.xerotier, 'GET', '/requests')).json()).toEqual([]);
  });

  it('serves Nora’s control on both servers, sharing one state', async () => {
    const productionControl = { controlUrl: `${all.nora.baseUrl('production')}/_emulator`, controlToken: all.nora.controlToken };
    const made = keySchema.parse((await controlCall(productionControl, 'POST', '/keys', { name: 'via prod' })).json());
    expect(all.nora.control.keys().map((k) => k.id)).toContain(made.id);
  });
});
