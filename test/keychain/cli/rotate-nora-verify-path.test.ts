import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { NORA_KEYS_PATH, startEmulator, type NoraEmulator, type NoraModes } from '../../emulators/index.js';
import { noraKeyWithTarget } from '../../support/nora-fixture.js';

/**
 * Nora's documents name no endpoint to verify a key with, so Keyturn's default verify path
 * (`/v2/instance`) is a guess. Against a Nora that does not serve it (the emulator's default
 * reading) nothing is proven and a rotation never swaps; where it is served (the helpful readings),
 * the same rotation goes through.
 */
describe("keyturn verify and rotate with Nora's verify path left at Keyturn's default", () => {
  let nora: NoraEmulator | undefined;
  afterEach(async () => {
    await nora?.close();
    nora = undefined;
  });

  const start = async (modes: Partial<NoraModes> = {}): Promise<NoraEmulator> => {
    nora = await startEmulator('nora', { nora: modes });
    return nora;
  };

  it('at a Nora that does not serve /v2/instance: verify is unknown and says how to set the path; rotate stops before the swap; set, it completes', async () => {
    const emulator = await start();
    const { run, old, env, org, ref } = await noraKeyWithTarget(emulator, { verifyPath: null });
    const howToSet = `this Nora does not serve GET /v2/instance, Keyturn's default verify path (Nora's documents name no endpoint to verify with); set a cheap authenticated GET this Nora does serve with "keyturn instance set nora/${org}/live --verify-path /v2/…" (or check the base URL)`;

    const verified = await run(['key', 'verify', ref, '--json']);
    expect(verified.code).toBe(1);
    expect(JSON.parse(verified.stdout)).toEqual([expect.objectContaining({ result: 'unknown', httpStatus: 404, revoked: false, reason: `Nora answered 404 (not found), which proves nothing about the key: ${howToSet}` })]);

    const fresh = emulator.control.createKey({ name: 'backend-2026-12', env: 'production', org });
    const stopped = await run(['rotate', ref, '--yes', '--new-key-stdin', '--revoke-wait', '1'], `${fresh.secret}\n`);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toContain(`rotation stopped at swap failed: the new key is not proven to work (unknown: Nora answered 404 (not found), which proves nothing about the key: ${howToSet}), so it was written to no swap target`);
    expect(readFileSync(env, 'utf8')).toBe(`NORA_KEY=${old.secret}\n`);
    expect(emulator.control.keys().find((k) => k.id === old.id)?.status).toBe('active');
    expect((await run(['key', 'get', ref])).stdout).toBe(`${old.secret}\n`);

    expect((await run(['instance', 'set', `nora/${org}/live`, '--verify-path', NORA_KEYS_PATH])).code).toBe(0);
    const resumed = await run(['rotate', ref, '--resume', '--yes', '--revoke-wait', '10'], '', (text) => {
      if (text.includes('Revoke the old key in the dashboard')) emulator.control.revokeKey(old.id);
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readFileSync(env, 'utf8')).toBe(`NORA_KEY=${fresh.secret}\n`);
  });

  for (const endpoints of ['with-instance', 'any-get'] as const) {
    it(`at a Nora that serves it (${endpoints}): verify is valid and the guided rotation swaps, then proves the old key dead`, async () => {
      const emulator = await start({ endpoints });
      const { run, old, env, org, ref } = await noraKeyWithTarget(emulator, { verifyPath: null });
      expect(JSON.parse((await run(['key', 'verify', ref, '--json'])).stdout)).toEqual([expect.objectContaining({ result: 'valid', httpStatus: 200 })]);
      const fresh = emulator.control.createKey({ name: 'backend-2026-12', env: 'production', org });
      const result = await run(['rotate', ref, '--yes', '--new-key-stdin', '--revoke-wait', '10'], `${fresh.secret}\n`, (text) => {
        if (text.includes('Revoke the old key in the dashboard')) emulator.control.revokeKey(old.id);
      });
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(env, 'utf8')).toBe(`NORA_KEY=${fresh.secret}\n`);
      expect(emulator.control.requests().filter((r) => r.authKeyId === old.id).at(-1)).toMatchObject({ path: '/v2/instance', status: 401 });
    });
  }
});
