import { describe, expect, it } from 'vitest';
import { dispatchCall, isCallName } from '../../../electron/app/call-dispatch.js';
import type { Handlers } from '../../../electron/contract/contract.js';
import { CALL_NAMES } from '../../../electron/contract/names.js';
import { fail } from '../../../electron/core/domain/problems/problem-error.js';
import { appProblemText } from '../../../renderer/src/problems/wordings.js';

/** Handlers that answer only what a test gives; any other call fails the test loudly. */
function handlersWith(given: Partial<Handlers>): Handlers {
  const all: Record<string, unknown> = {};
  for (const name of CALL_NAMES) all[name] = async () => Promise.reject(new Error(`the test did not expect ${name}`));
  return Object.assign(all, given) as Handlers;
}

describe('dispatchCall', () => {
  it('knows the contract’s calls by name, and only those', () => {
    expect(isCallName('key.add')).toBe(true);
    expect(isCallName('key.steal')).toBe(false);
    expect(isCallName('__proto__')).toBe(false);
  });

  it('an unknown call is refused with call.unknown, naming it, and runs nothing', async () => {
    const { status, reply } = await dispatchCall(handlersWith({}), 'key.steal', {});
    expect(status).toBe(404);
    expect(reply).toEqual({ ok: false, error: { kind: 'input', problem: { code: 'call.unknown', name: 'key.steal' } } });
  });

  it('arguments the contract refuses never reach the handler: call.invalid-arguments names the path', async () => {
    let ran = false;
    const handlers = handlersWith({
      'key.reveal': async () => {
        ran = true;
        return { secret: 's', hideAfterSeconds: 1 };
      },
    });
    const { status, reply } = await dispatchCall(handlers, 'key.reveal', { ref: 42 });
    expect(ran).toBe(false);
    expect(status).toBe(400);
    expect(reply).toEqual({ ok: false, error: { kind: 'input', problem: { code: 'call.invalid-arguments', path: 'ref', reason: expect.any(String) } } });
    // An argument the contract does not know is refused too (the schemas are strict).
    const extra = await dispatchCall(handlers, 'key.reveal', { ref: 'xora/acme/main/api', also: true });
    expect(extra.reply).toMatchObject({ ok: false, error: { problem: { code: 'call.invalid-arguments' } } });
    expect(ran).toBe(false);
  });

  it('the handler gets the parsed arguments (defaults filled in) and its result is the reply', async () => {
    let got: unknown;
    const handlers = handlersWith({
      'log.show': async (args) => {
        got = args;
        return { entries: [], total: 0 };
      },
    });
    expect(await dispatchCall(handlers, 'log.show', undefined)).toEqual({ status: 200, reply: { ok: true, result: { entries: [], total: 0 } } });
    expect(got).toEqual({ limit: 200 });
  });

  it('a ProblemError crosses as its problem and kind, with its field', async () => {
    const handlers = handlersWith({ 'instance.add': async () => fail('base-url.not-https', { field: 'baseUrl', provider: 'Nexora' }) });
    const { status, reply } = await dispatchCall(handlers, 'instance.add', { provider: 'nexora', org: 'acme', name: 'self', env: 'sandbox', baseUrl: 'http://nexora.example' });
    expect(status).toBe(400);
    expect(reply).toEqual({ ok: false, error: { kind: 'input', problem: { code: 'base-url.not-https', field: 'baseUrl', provider: 'Nexora' } } });
  });

  it('a plain Error never crosses with its message: it is host.failed, a failure, with no stack', async () => {
    const handlers = handlersWith({
      'vault.overview': async () => {
        throw new Error('disk full');
      },
    });
    const { status, reply } = await dispatchCall(handlers, 'vault.overview', {});
    expect(status).toBe(500);
    expect(reply).toEqual({ ok: false, error: { kind: 'failure', problem: { code: 'host.failed' } } });
    expect(JSON.stringify(reply)).not.toContain('disk full');
    expect(JSON.stringify(reply)).not.toContain('call-dispatch.test');
  });

  it('no Node error text reaches a person: ENOENT and EACCES become problems naming the path, a TypeError says try again', async () => {
    const thrown = async (error: unknown) => (await dispatchCall(handlersWith({ 'vault.overview': async () => Promise.reject(error) }), 'vault.overview', {})).reply;
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open '/home/me/app/.env'"), { code: 'ENOENT', path: '/home/me/app/.env' });
    const eacces = Object.assign(new Error("EACCES: permission denied, open '/etc/app.env'"), { code: 'EACCES', path: '/etc/app.env' });
    const replies = [await thrown(enoent), await thrown(eacces), await thrown(new TypeError("Cannot read properties of undefined (reading 'id')"))];
    expect(replies).toEqual([
      { ok: false, error: { kind: 'failure', problem: { code: 'host.file-missing', path: '/home/me/app/.env' } } },
      { ok: false, error: { kind: 'failure', problem: { code: 'host.file-denied', path: '/etc/app.env' } } },
      { ok: false, error: { kind: 'failure', problem: { code: 'host.failed' } } },
    ]);
    const words = replies.map((r) => (r.ok ? '' : appProblemText(r.error.problem)));
    expect(words).toEqual([
      '/home/me/app/.env is not there: check the path and try again.',
      'Keyturn may not open /etc/app.env: check its permissions and try again.',
      'Keyturn could not finish this. Try again; if it keeps happening, restart Keyturn.',
    ]);
    for (const text of words) expect(text).not.toMatch(/ENOENT|EACCES|Cannot read|undefined/);
  });

  it('something thrown that is not an Error still crosses as host.failed, with no detail of it', async () => {
    const handlers = handlersWith({ 'vault.overview': async () => Promise.reject('a string with s3cret') });
    const { reply } = await dispatchCall(handlers, 'vault.overview', {});
    expect(reply).toMatchObject({ ok: false, error: { kind: 'failure', problem: { code: 'host.failed' } } });
    expect(JSON.stringify(reply)).not.toContain('s3cret');
  });
});
