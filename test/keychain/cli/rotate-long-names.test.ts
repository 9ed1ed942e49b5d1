import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import type { cliFor } from '../../support/cli.js';
import { nexoraKeyWithTarget } from '../../support/nexora-fixture.js';
import { rotateInChild } from '../../support/rotate-in-child.js';
import { noraKeyWithTarget } from '../../support/nora-fixture.js';

interface Listed { id: string; name: string; status: string }

/** A valid key name of exactly `length` characters (the longest allowed is 64). */
const nameOf = (length: number) => `payments-api-${'x'.repeat(length - 13)}`;


/** Names of 42 to 64 characters rotate like any other: every name Keyturn derives fits, the provider's too. */
describe('rotating keys with long names', () => {
  let emulators: AllEmulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });

  /** The key list after a finished rotation: the current key under its own name, the old one revoked under a name that fits. */
  async function expectRotated(run: ReturnType<typeof cliFor>, instance: string, name: string) {
    const keys = (JSON.parse((await run(['key', 'list', '--json'])).stdout) as Listed[]).filter((k) => k.name.startsWith(name.slice(0, 20)));
    expect(keys.map((k) => k.status).sort()).toEqual(['active', 'revoked']);
    expect(keys.find((k) => k.status === 'active')?.name).toBe(name);
    const previous = keys.find((k) => k.status === 'revoked');
    expect(previous?.name.length).toBeLessThanOrEqual(64);
    expect(previous?.name).toMatch(/\.previous-\d{8}-\d{4}$/);
    // The old key is still reachable by its new name.
    const shown = await run(['key', 'show', `${instance}/${previous?.name}`, '--json']);
    expect(shown.code, shown.stderr).toBe(0);
  }

  for (const length of [64, 42]) {
    it(`a ${length}-character Nexora key rotates by API end to end; the provider's key name is at most 64 characters`, async () => {
      const name = nameOf(length);
      const { run, user, env } = await nexoraKeyWithTarget(emulators.nexora, { env: 'sandbox', name, variable: 'KEY' });
      const result = await run(['rotate', `nexora/acme/self/${name}`]);
      expect(result.code, `${result.stdout}${result.stderr}`).toBe(0);
      const secret = (await run(['key', 'get', `nexora/acme/self/${name}`])).stdout.trim();
      expect(readFileSync(env, 'utf8')).toBe(`KEY=${secret}\n`);
      const made = emulators.nexora.control.keys().filter((k) => k.userId === user.id && k.status === 'active');
      expect(made.map((k) => k.secret)).toEqual([secret]);
      expect(made[0]?.name.length).toBeLessThanOrEqual(64);
      expect(made[0]?.name).toMatch(/^payments-api-x*-\d{4}-\d\d-\d\d-[0-9a-f]{6}$/);
      await expectRotated(run, 'nexora/acme/self', name);
    });
  }

  it('a 64-character Nora key rotates guided end to end', async () => {
    const name = nameOf(64);
    const { run, org, old, env } = await noraKeyWithTarget(emulators.nora, { name });
    const fresh = emulators.nora.control.createKey({ name: 'next', env: 'production', org });
    const result = await run(['rotate', `nora/${org}/live/${name}`, '--yes', '--new-key-stdin', '--revoke-wait', '10'], fresh.secret, (text) => {
      if (text.includes('Revoke the old key in the dashboard')) emulators.nora.control.revokeKey(old.id);
    });
    expect(result.code, `${result.stdout}${result.stderr}`).toBe(0);
    expect(readFileSync(env, 'utf8')).toBe(`NORA_KEY=${fresh.secret}\n`);
    expect((await run(['key', 'get', `nora/${org}/live/${name}`])).stdout).toBe(`${fresh.secret}\n`);
    await expectRotated(run, `nora/${org}/live`, name);
  });

  for (const length of [64, 50]) {
    it(`a ${length}-character Nexora key killed right after the swap resumes to the end`, async () => {
      const name = nameOf(length);
      const { home, run, user, env } = await nexoraKeyWithTarget(emulators.nexora, { env: 'sandbox', name, variable: 'KEY' });
      const ref = `nexora/acme/self/${name}`;
      const crashed = await rotateInChild({ home, ref, crashAt: 'swap:after' });
      expect(crashed.signal, crashed.out).toBe('SIGKILL');
      // While stopped there, the pending key is listed under a name that fits.
      const during = JSON.parse((await run(['key', 'list', '--json'])).stdout) as Listed[];
      const pending = during.find((k) => k.status === 'pending');
      expect(pending?.name.length).toBeLessThanOrEqual(64);
      expect(pending?.name).toMatch(/\.next$/);

      const resumed = await run(['rotate', ref, '--resume']);
      expect(resumed.code, `${resumed.stdout}${resumed.stderr}`).toBe(0);
      const secret = (await run(['key', 'get', ref])).stdout.trim();
      expect(readFileSync(env, 'utf8')).toBe(`KEY=${secret}\n`);
      expect(emulators.nexora.control.keys().filter((k) => k.userId === user.id && k.status === 'active').map((k) => k.secret)).toEqual([secret]);
      await expectRotated(run, 'nexora/acme/self', name);
    }, 30_000);
  }
});
