import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ControlError, startEmulator, XEROTIER_DEFAULT_SLUG, XEROTIER_KEY_PATTERN } from './index.js';
import type { XerotierEmulator } from './index.js';
import { call, postJson } from './test-client.js';

const chat = { model: 'llama-3.1-8b', messages: [{ role: 'user', content: 'Hello' }] };

describe('Xerotier emulator', () => {
  let xerotier: XerotierEmulator;
  beforeEach(async () => {
    xerotier = await startEmulator('xerotier');
  });
  afterEach(() => xerotier.close());

  const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const models = (projectId: string, headers: Record<string, string>) => call(`${xerotier.baseUrl()}/${projectId}/v1/models`, { headers });
  const invalidKey = { error: { message: expect.any(String), type: 'invalid_request_error', param: null, code: 'invalid_api_key' } };
  const withModes = async (modes: Parameters<typeof startEmulator<'xerotier'>>[1]) => {
    await xerotier.close();
    xerotier = await startEmulator('xerotier', modes);
  };

  it('mints xero_<slug>_<token> keys with a 256-bit base64url token', () => {
    const project = xerotier.control.defaultProject();
    expect(project).toMatchObject({ slug: XEROTIER_DEFAULT_SLUG, id: expect.stringMatching(/^proj_[A-Z0-9]{6}$/) });
    for (let i = 0; i < 20; i += 1) {
      const key = xerotier.control.createKey({ name: `k${i}` });
      const match = XEROTIER_KEY_PATTERN.exec(key.secret);
      expect(match?.[1]).toBe(XEROTIER_DEFAULT_SLUG);
      expect(Buffer.from(match?.[2] ?? '', 'base64url')).toHaveLength(32);
      expect(key).toMatchObject({ projectId: project.id, slug: XEROTIER_DEFAULT_SLUG });
    }
  });

  it('lists models at /<project_id>/v1/models: by default only { data: [...] }, in openai-list mode with object: "list"', async () => {
    const { secret } = xerotier.control.createKey({ name: 'k' });
    const listed = expect.arrayContaining([expect.objectContaining({ id: 'llama-3.1-8b', object: 'model' })]);
    expect((await models(xerotier.control.defaultProject().id, auth(secret))).json()).toEqual({ data: listed });
    await withModes({ xerotier: { modelsBody: 'openai-list' } });
    const key = xerotier.control.createKey({ name: 'k' });
    const answer = await models(xerotier.control.defaultProject().id, auth(key.secret));
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ object: 'list', data: listed });
    const viaEndpoint = await call(`${xerotier.baseUrl()}/${xerotier.control.defaultProject().id}/my-endpoint/v1/models`, { headers: auth(key.secret) });
    expect(viaEndpoint.status).toBe(200);
  });

  it('answers chat completions at /<project_id>/<endpoint>/v1/chat/completions', async () => {
    const { secret } = xerotier.control.createKey({ name: 'k' });
    const url = `${xerotier.baseUrl()}/${xerotier.control.defaultProject().id}/my-endpoint/v1/chat/completions`;
    const answer = await postJson(url, chat, auth(secret));
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({
      object: 'chat.completion',
      model: 'llama-3.1-8b',
      choices: [{ index: 0, message: { role: 'assistant', content: expect.any(String) }, finish_reason: 'stop' }],
    });
    const bad = await postJson(url, { model: 'llama-3.1-8b', messages: [] }, auth(secret));
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    const malformed = await call(url, { method: 'POST', headers: auth(secret), body: '{' });
    expect(malformed.status).toBe(400);
  });

  it('refuses missing, unknown, revoked and other projects’ keys with a bare 401 by default, an OpenAI error in openai-error mode', async () => {
    for (const mode of ['empty', 'text', 'openai-error'] as const) {
      await withModes({ xerotier: { rejectionBody: mode } });
      await refusesEveryWrongKey((answer) => {
        if (mode === 'empty') expect(answer.text).toBe('');
        if (mode === 'text') expect([answer.headers.get('content-type'), answer.text]).toEqual(['text/plain; charset=utf-8', 'Unauthorized']);
        if (mode === 'openai-error') expect(answer.json()).toEqual(invalidKey);
      });
    }
  });

  async function refusesEveryWrongKey(bodyIsRight: (answer: Awaited<ReturnType<typeof call>>) => void): Promise<void> {
    const research = xerotier.control.createProject({ slug: 'research' });
    const own = xerotier.control.createKey({ name: 'own' });
    const foreign = xerotier.control.createKey({ name: 'foreign', projectId: research.id });
    const revoked = xerotier.control.createKey({ name: 'revoked', slug: XEROTIER_DEFAULT_SLUG });
    xerotier.control.revokeKey(revoked.id);
    const projectId = xerotier.control.defaultProject().id;
    const refusals: Record<string, string>[] = [{}, auth(`xero_${XEROTIER_DEFAULT_SLUG}_${'A'.repeat(43)}`), auth(foreign.secret), auth(revoked.secret), { 'x-api-key': own.secret }];
    for (const headers of refusals) {
      const answer = await models(projectId, headers);
      expect(answer.status).toBe(401);
      bodyIsRight(answer);
    }
    expect((await models(research.id, auth(foreign.secret))).status).toBe(200);
    expect(foreign.secret.startsWith('xero_research_')).toBe(true);
  }

  it('by default reads the key first: under an unknown project id a live key is refused with 401, as another project’s is', async () => {
    const { secret } = xerotier.control.createKey({ name: 'k' });
    expect((await models('proj_NOPE00', auth(secret))).status).toBe(401);
    expect((await models('proj_NOPE00', {})).status).toBe(401);
  });

  it('project-first: an unknown project id is 404 project_not_found, whatever the key', async () => {
    await withModes({ xerotier: { checkOrder: 'project-first' } });
    const { secret } = xerotier.control.createKey({ name: 'k' });
    for (const headers of [auth(secret), {}]) {
      const answer = await models('proj_NOPE00', headers);
      expect(answer.status).toBe(404);
      expect(answer.json()).toMatchObject({ error: { code: 'project_not_found' } });
    }
  });

  it('hex: the 256 bits written as 64 hex digits', async () => {
    await withModes({ xerotier: { tokenEncoding: 'hex' } });
    const match = XEROTIER_KEY_PATTERN.exec(xerotier.control.createKey({ name: 'k' }).secret);
    expect(match?.[2]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('validates projects made in the dashboard', () => {
    expect(() => xerotier.control.createProject({ slug: 'Bad_Slug' })).toThrow();
    expect(() => xerotier.control.createProject({ slug: XEROTIER_DEFAULT_SLUG })).toThrow(ControlError);
    expect(() => xerotier.control.createKey({ name: 'k', slug: 'missing' })).toThrow(ControlError);
    expect(xerotier.control.projects()).toHaveLength(1);
  });
});
