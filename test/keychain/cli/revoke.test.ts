import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NORA_KEYS_PATH, startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { cliFor } from '../../support/cli.js';
import { tempHome } from '../../support/temp-home.js';

describe('keyturn revoke: a leaked key found, killed and proven dead', () => {
  let emulators: AllEmulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });

  async function vault() {
    const home = tempHome();
    const run = cliFor(home);
    await run(['instance', 'add', 'nexora', 'acme', 'self', '--env', 'production', '--base-url', emulators.nexora.baseUrl()]);
    await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production', '--base-url', emulators.nora.baseUrl('production'), '--verify-path', NORA_KEYS_PATH]);
    const nexora = emulators.nexora.control.createKey({ name: 'ci' });
    const nora = emulators.nora.control.createKey({ name: 'backend', env: 'production', org: 'acme' });
    await run(['key', 'add', 'nexora/acme/self', 'ci'], nexora.secret);
    await run(['key', 'add', 'nora/acme/live', 'backend'], nora.secret);
    return { run, nexora, nora };
  }

  it('finds a pasted header line by fingerprint, revokes by API and proves the 401', async () => {
    const { run, nexora } = await vault();
    const started = Date.now();
    const result = await run(['revoke', '--leaked', '--yes'], `Authorization: Bearer ${nexora.secret}\n`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/leaked key found: nexora\/acme\/self\/ci \(nxr_/);
    expect(result.stdout).toMatch(/✔ the old key is rejected \(401\): it is dead/);
    expect(result.stdout).not.toContain(nexora.secret);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(emulators.nexora.control.keys().find((k) => k.id === nexora.id)?.status).toBe('revoked');
    const shown = JSON.parse((await run(['key', 'show', 'nexora/acme/self/ci', '--json'])).stdout) as { status: string };
    expect(shown.status).toBe('revoked');
  });

  it('guides a dashboard revocation (Nora) and waits for the 401', async () => {
    const { run, nora } = await vault();
    const result = await run(['revoke', 'nora/acme/live/backend', '--yes', '--wait', '10'], '', (text) => {
      if (text.includes('revoke it in the dashboard')) emulators.nora.control.revokeKey(nora.id);
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Revoke key — this is permanent/);
    expect(result.stdout).toMatch(/✔/);
  });

  it('gives the provider’s revocation steps for a key it does not hold', async () => {
    const { run } = await vault();
    const stranger = emulators.nora.control.createKey({ name: 'x', env: 'sandbox', org: 'other' });
    const result = await run(['revoke', '--leaked', '--yes'], `NORA_KEY=${stranger.secret}`);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/not in the vault, but it looks like a Nora key \(sandbox\)/);
    expect(result.stdout).toMatch(/Sidebar → API Keys/);
    const nothing = await run(['revoke', '--leaked', '--yes'], 'hunter2');
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toMatch(/matches no stored key and no known provider/);
  });

  it('never calls a key dead (or alive) on a 404: only a 401 proves it revoked', async () => {
    const { run, nora } = await vault();
    // A gateway in front of Nora answers 404 to the verify call, before and after the dashboard revocation.
    emulators.nora.control.setFault({ status: 404, method: 'GET', pathPrefix: NORA_KEYS_PATH, env: 'production' });
    try {
      const result = await run(['revoke', 'nora/acme/live/backend', '--yes', '--wait', '1'], '', (text) => {
        if (text.includes('revoke it in the dashboard')) emulators.nora.control.revokeKey(nora.id);
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/✖ after 1 s the verify call still proves nothing \(Nora answered 404 \(not found\).*\): the key is not proven dead/);
      expect(result.stdout).not.toMatch(/still works/);
      const shown = JSON.parse((await run(['key', 'show', 'nora/acme/live/backend', '--json'])).stdout) as { status: string };
      expect(shown.status).toBe('active');
    } finally {
      emulators.nora.control.clearFaults();
    }
  });

  it('an empty slot pasted as the leak (`export VAR=`) is bad input, not an unknown key', async () => {
    const { run } = await vault();
    for (const pasted of ['export NORA_KEY=', 'NORA_KEY=""', 'Authorization: Bearer ']) {
      const result = await run(['revoke', '--leaked', '--yes'], pasted);
      expect(result.code, pasted).toBe(2);
      expect(result.stderr).toMatch(/the pasted text holds no key \(its value is empty\): paste the leaked key itself/);
      expect(result.stdout).not.toMatch(/matches no stored key/);
    }
  });

  it('will not revoke without --yes when there is no terminal', async () => {
    const { run, nexora } = await vault();
    const result = await run(['revoke', 'nexora/acme/self/ci']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pass --yes/);
    expect(emulators.nexora.control.keys().find((k) => k.id === nexora.id)?.status).toBe('active');
  });
});
