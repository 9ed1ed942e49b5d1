import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/program.js';
import { startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { cliFor, type CliResult } from '../../support/cli.js';
import { tempHome } from '../../support/temp-home.js';

/** The most a paste may hold, as the README gives it. */
const MAX_PASTED_TEXT_LENGTH = 65_536;

/** `keyturn` on a terminal: the paste is typed at the hidden prompt, questions get these answers in turn. */
async function onTerminal(home: string, argv: readonly string[], pasted: string, answers: string[]): Promise<CliResult & { asked: string[] }> {
  let stdout = '';
  let stderr = '';
  const asked: string[] = [];
  const sink = (write: (t: string) => void) => new Writable({ write: (chunk: Buffer, _e, done) => (write(chunk.toString()), done()) });
  const code = await runCli(['--home', home, ...argv], {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    readStdin: async () => '',
    promptSecret: async () => pasted,
    ask: async (message) => (asked.push(message), answers.shift() ?? ''),
    confirm: async (message) => (asked.push(message), true),
    env: {},
    sinks: { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)) },
  });
  return { code, stdout, stderr, asked };
}

describe('keyturn revoke --leaked: the keys of a whole pasted text, and the one the person chooses', () => {
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
    // Nora names no verify endpoint; its key list answers in every emulator mode.
    await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production', '--base-url', emulators.nora.baseUrl('production'), '--verify-path', '/v2/api-keys']);
    // An account of its own: Nexora's list then shows only this vault's key, so its id is found.
    const user = emulators.nexora.control.createUser({ email: `${Math.random().toString(36).slice(2)}@acme.test`, password: 'pw' });
    const nexora = emulators.nexora.control.createKey({ name: 'ci', userId: user.id });
    const nora = emulators.nora.control.createKey({ name: 'backend', env: 'production', org: 'acme' });
    expect((await run(['key', 'add', 'nexora/acme/self', 'ci'], nexora.secret)).code).toBe(0);
    expect((await run(['key', 'add', 'nora/acme/live', 'backend'], nora.secret)).code).toBe(0);
    const status = (id: string) => [...emulators.nexora.control.keys(), ...emulators.nora.control.keys()].find((k) => k.id === id)?.status;
    return { home, run, nexora, nora, status };
  }

  it('finds a stored key in a log excerpt of several lines and revokes it', async () => {
    const { run, nexora, status } = await vault();
    const log = [
      '2026-12-01T03:02:11Z INFO  worker started pid=4121',
      `2026-12-01T03:02:12Z DEBUG outgoing request headers={"authorization":"Bearer ${nexora.secret}","accept":"*/*"}`,
      '2026-12-01T03:02:12Z WARN  retrying in 2s',
    ].join('\n');
    const result = await run(['revoke', '--leaked', '--yes'], log);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/leaked key found: nexora\/acme\/self\/ci/);
    expect(result.stdout).not.toContain(nexora.secret);
    expect(status(nexora.id)).toBe('revoked');
  });

  it('finds a stored key in a curl command line', async () => {
    const { run, nexora, status } = await vault();
    const curl = `curl -sS ${emulators.nexora.baseUrl()}/v1/users/me -H "Authorization: Bearer ${nexora.secret}" -H 'Accept: application/json'\n`;
    const result = await run(['revoke', '--leaked', '--yes'], curl);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(status(nexora.id)).toBe('revoked');
  });

  it('without a terminal, a text with several keys is listed (masked) and nothing is revoked until one is picked', async () => {
    const { run, nexora, nora, status } = await vault();
    const stranger = emulators.nora.control.createKey({ name: 'x', env: 'sandbox', org: 'other' });
    const text = `NORA_KEY=${nora.secret}\nNORA_TEST_KEY=${stranger.secret}\ncurl -H "Authorization: Bearer ${nexora.secret}" ${emulators.nexora.baseUrl()}\n`;
    const listed = await run(['revoke', '--leaked', '--yes'], text);
    expect(listed.code).toBe(2);
    expect(listed.stdout).toMatch(/the pasted text holds 3 keys:\n {2}1\. nora\/acme\/live\/backend \(sk_live_.*…\), PRODUCTION — line 1\n {2}2\. not in the vault: looks like a Nora key \(sandbox\) \(sk_test_.*…\) — line 2\n {2}3\. nexora\/acme\/self\/ci \(nxr_.*…\), PRODUCTION — line 3\n/);
    expect(listed.stderr).toMatch(/^keyturn: the pasted text holds 3 keys \(listed above\): choose one with --pick N, or pass just that key; nothing was revoked\n$/);
    for (const secret of [nora.secret, stranger.secret, nexora.secret]) expect(listed.stdout + listed.stderr).not.toContain(secret);
    expect([status(nora.id), status(nexora.id)]).toEqual(['active', 'active']);

    const picked = await run(['revoke', '--leaked', '--yes', '--pick', '3'], text);
    expect(picked.code, picked.stdout + picked.stderr).toBe(0);
    expect(picked.stdout).toMatch(/leaked key found: nexora\/acme\/self\/ci/);
    expect([status(nora.id), status(nexora.id)]).toEqual(['active', 'revoked']);

    const guessed = await run(['revoke', '--leaked', '--yes', '--pick', '2'], text);
    expect(guessed.code).toBe(1);
    expect(guessed.stdout).toMatch(/not in the vault, but it looks like a Nora key \(sandbox\)/);

    const outOfRange = await run(['revoke', '--leaked', '--yes', '--pick', '4'], text);
    expect(outOfRange.code).toBe(2);
    expect(outOfRange.stderr).toMatch(/--pick 4: the pasted text holds 3 keys; pick a number from 1 to 3/);
  });

  it('on a terminal the person chooses from the list, then types the production instance name back', async () => {
    const { home, nexora, nora, status } = await vault();
    const text = `NORA_KEY=${nora.secret}\nNEXORA_KEY=${nexora.secret}`;
    const result = await onTerminal(home, ['revoke', '--leaked'], text, ['2', 'self']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.asked).toEqual(['Which one? (1-2, empty to stop)', 'This is the PRODUCTION instance "self". Type its name to revoke nexora/acme/self/ci:']);
    expect([status(nora.id), status(nexora.id)]).toEqual(['active', 'revoked']);
  });

  it('an answer that is not on the list revokes nothing, and is never echoed (it may be the key itself)', async () => {
    const { home, nexora, nora, status } = await vault();
    const result = await onTerminal(home, ['revoke', '--leaked'], `${nora.secret} ${nexora.secret}`, [nexora.secret]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('keyturn: the answer is not a number from 1 to 2: nothing was revoked\n');
    expect(result.stdout + result.stderr).not.toContain(nexora.secret);
    expect([status(nora.id), status(nexora.id)]).toEqual(['active', 'active']);
  });

  it('a production key is never revoked without its instance name typed back', async () => {
    const { home, run, nexora, status } = await vault();
    const wrong = await onTerminal(home, ['revoke', 'nexora/acme/self/ci'], '', ['slef']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^keyturn: the instance name "self" was not typed back: nothing was revoked\n$/);
    expect(status(nexora.id)).toBe('active');
    const shown = JSON.parse((await run(['key', 'show', 'nexora/acme/self/ci', '--json'])).stdout) as { status: string };
    expect(shown.status).toBe('active');
    const leaked = await onTerminal(home, ['revoke', '--leaked'], nexora.secret, ['']);
    expect(leaked.code).toBe(2);
    expect(status(nexora.id)).toBe('active');
    // --yes skips it, as before.
    expect((await run(['revoke', 'nexora/acme/self/ci', '--yes'])).code).toBe(0);
    expect(status(nexora.id)).toBe('revoked');
  });

  it(`looks at a pasted text of ${MAX_PASTED_TEXT_LENGTH} characters, and refuses one more as bad input`, async () => {
    const { run, nexora, status } = await vault();
    const filler = (n: number) => 'log line\n'.repeat(Math.ceil(n / 9)).slice(0, n);
    const atBound = `${filler(MAX_PASTED_TEXT_LENGTH - nexora.secret.length - 1)} ${nexora.secret}`;
    expect(atBound).toHaveLength(MAX_PASTED_TEXT_LENGTH);
    const tooLong = `x${atBound}`;
    const refused = await run(['revoke', '--leaked', '--yes'], tooLong);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^keyturn: the pasted text is 65,537 characters long, more than the 65,536 looked at: paste only the lines around the key\n$/);
    expect(status(nexora.id)).toBe('active');
    const found = await run(['revoke', '--leaked', '--yes'], atBound);
    expect(found.code, found.stdout + found.stderr).toBe(0);
    expect(status(nexora.id)).toBe('revoked');
  });
});

describe('keyturn revoke --resume: a guided revoke whose wait ran out keeps checking', () => {
  let emulators: AllEmulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });

  it('says how to resume when the key still works, and the resume proves the 401 without asking again', async () => {
    const run = cliFor(tempHome());
    await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production', '--base-url', emulators.nora.baseUrl('production'), '--verify-path', '/v2/api-keys']);
    const nora = emulators.nora.control.createKey({ name: 'backend', env: 'production', org: 'acme' });
    await run(['key', 'add', 'nora/acme/live', 'backend'], nora.secret);

    const timedOut = await run(['revoke', 'nora/acme/live/backend', '--yes', '--wait', '1']);
    expect(timedOut.code).toBe(1);
    expect(timedOut.stdout).toMatch(/✖ the key still works after 1 s: revoke it in the dashboard, then resume to check again\nkeep checking with: keyturn revoke nora\/acme\/live\/backend --resume --wait 1\n/);

    // Without --yes and without a terminal: a resume revokes nothing, so it needs no confirmation.
    const resumed = await run(['revoke', 'nora/acme/live/backend', '--resume', '--wait', '10'], '', (text) => {
      if (text.includes('revoke it in the dashboard (if not done yet)')) emulators.nora.control.revokeKey(nora.id);
    });
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/✔ the old key is rejected \(401\): it is dead/);
    const shown = JSON.parse((await run(['key', 'show', 'nora/acme/live/backend', '--json'])).stdout) as { status: string };
    expect(shown.status).toBe('revoked');
  });

  it('--resume takes a key reference, not a paste', async () => {
    const run = cliFor(tempHome());
    const result = await run(['revoke', '--leaked', '--resume'], 'nxr_abc');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--resume keeps checking a key already being revoked: give its reference instead of --leaked/);
  });
});
