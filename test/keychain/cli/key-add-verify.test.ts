import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome, vaultState } from '../../support/temp-home.js';

interface Listed { ref: string; status: string; lastVerification: { result: string; httpStatus: number | null; reason: string } | null }

/** `keyturn key add` asks the provider first: a rejected key is refused, one it cannot judge is stored as unverified. */
describe('keyturn key add verifies the key with the provider', () => {
  let emulators: AllEmulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });
  afterEach(() => {
    emulators.nexora.control.clearFaults();
  });

  async function nexoraInstance() {
    const home = tempHome();
    const run = cliFor(home);
    expect((await run(['instance', 'add', 'nexora', 'acme', 'self', '--env', 'production', '--base-url', emulators.nexora.baseUrl()])).code).toBe(0);
    const listed = async () => JSON.parse((await run(['key', 'list', '--json'])).stdout) as Listed[];
    const sentSince = (n: number) => emulators.nexora.control.requests().slice(n);
    return { home, run, listed, sentSince };
  }

  it('stores a key the provider accepts, and says it was verified', async () => {
    const { run, listed } = await nexoraInstance();
    const user = emulators.nexora.control.createUser({ email: `${Math.random().toString(36).slice(2)}@acme.test`, password: 'pw' });
    const key = emulators.nexora.control.createKey({ name: 'ci', userId: user.id });
    const added = await run(['key', 'add', 'nexora/acme/self', 'ci'], key.secret);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^stored nexora\/acme\/self\/ci \(nxr_.*\) in the keychain, verified: the provider accepted it \(200\)\n$/);
    expect(await listed()).toEqual([expect.objectContaining({ ref: 'nexora/acme/self/ci', status: 'active', lastVerification: expect.objectContaining({ result: 'valid', httpStatus: 200 }) })]);
  });

  it('forbids storing a key the provider rejects (401): the provider’s reason, exit 2, nothing stored', async () => {
    const { home, run } = await nexoraInstance();
    const before = await vaultState(home);
    const unknown = sampleKeys.nexora();
    const added = await run(['key', 'add', 'nexora/acme/self', 'ci'], unknown);
    expect(added.code).toBe(2);
    expect(added.stderr).toMatch(/^keyturn: Nexora rejected this key \(401: .+\); nothing was stored \(to store it anyway, add --no-verify\)\n$/);
    expect(added.stdout + added.stderr).not.toContain(unknown);
    expect(await vaultState(home)).toEqual(before);
  });

  it('with --no-verify stores the key without a call to the provider, and says so', async () => {
    const { run, listed, sentSince } = await nexoraInstance();
    const sent = emulators.nexora.control.requests().length;
    const added = await run(['key', 'add', 'nexora/acme/self', 'ci', '--no-verify'], sampleKeys.nexora());
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/in the keychain, not verified \(--no-verify\)\n$/);
    expect(sentSince(sent)).toEqual([]);
    expect(await listed()).toEqual([expect.objectContaining({ status: 'active', lastVerification: null })]);
  });

  it('stores a key as unverified when the provider cannot answer (5xx), and says so', async () => {
    const { run, listed } = await nexoraInstance();
    emulators.nexora.control.setFault({ status: 503, method: 'GET', pathPrefix: '/api/users/me/api-keys' });
    const added = await run(['key', 'add', 'nexora/acme/self', 'ci'], sampleKeys.nexora());
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/in the keychain, unverified: Nexora answered with a server error \(503\) after \d+ attempts; try again later; check it later with "keyturn key verify nexora\/acme\/self\/ci"\n$/);
    expect(await listed()).toEqual([expect.objectContaining({ status: 'active', lastVerification: expect.objectContaining({ result: 'unknown', httpStatus: 503 }) })]);
  });

  it('stores a key as unverified when nothing answers at the base URL', async () => {
    const home = tempHome();
    const run = cliFor(home);
    // A port nothing listens on: the connection is refused at once.
    expect((await run(['instance', 'add', 'nexora', 'acme', 'gone', '--env', 'sandbox', '--base-url', 'http://127.0.0.1:9/api'])).code).toBe(0);
    const added = await run(['key', 'add', 'nexora/acme/gone', 'ci'], sampleKeys.nexora());
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/in the keychain, unverified: .+; check it later with "keyturn key verify nexora\/acme\/gone\/ci"\n$/);
  });

  it('forbids storing a revoked Nora key, with Nora’s reason', async () => {
    const home = tempHome();
    const run = cliFor(home);
    // /v2/api-keys: a verify path every Nora answers (the default one is not documented).
    expect((await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production', '--base-url', emulators.nora.baseUrl('production'), '--verify-path', '/v2/api-keys'])).code).toBe(0);
    const before = await vaultState(home);
    const old = emulators.nora.control.createKey({ name: 'old', env: 'production', org: 'acme' });
    emulators.nora.control.revokeKey(old.id);
    const added = await run(['key', 'add', 'nora/acme/live', 'old'], old.secret);
    expect(added.code).toBe(2);
    expect(added.stderr).toMatch(/Nora rejected this key \(401: [^)]*api_key_revoked[^)]*\); nothing was stored/);
    expect(await vaultState(home)).toEqual(before);
  });
});
