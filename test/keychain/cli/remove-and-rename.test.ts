import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/program.js';
import { keychainServiceFor } from '../../../electron/core/node/store/home.js';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { keychainEntries } from '../../support/private-keychain.js';
import { tempHome, vaultIdOf, vaultState } from '../../support/temp-home.js';

/** keyturn on a terminal whose person types `typed` at the visible prompt. */
async function onTerminal(home: string, argv: string[], typed: string) {
  let stdout = '';
  let stderr = '';
  const asked: string[] = [];
  const sink = () => new Writable({ write: (_c, _e, done) => done() });
  const code = await runCli(['--home', home, ...argv], {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    readStdin: async () => '',
    promptSecret: null,
    ask: async (message) => {
      asked.push(message);
      return typed;
    },
    confirm: null,
    env: {},
    sinks: { stdout: sink(), stderr: sink() },
  });
  return { code, stdout, stderr, asked };
}

async function vault() {
  const home = tempHome();
  const run = cliFor(home);
  expect((await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'production'])).code).toBe(0);
  expect((await run(['instance', 'add', 'xora', 'acme', 'dev', '--env', 'sandbox'])).code).toBe(0);
  expect((await run(['key', 'add', 'xora/acme/main', 'api', '--no-verify'], sampleKeys.xora())).code).toBe(0);
  return { home, run };
}

describe('keyturn key remove, key rename, instance remove', () => {
  it('forbids removing a production key without a terminal and without --yes: exit 2, nothing changes', async () => {
    const { home, run } = await vault();
    const before = await vaultState(home);
    const refused = await run(['key', 'remove', 'xora/acme/main/api']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/"main" is a PRODUCTION instance and its name was not typed back: nothing was removed/);
    expect(await vaultState(home)).toEqual(before);
    expect((await run(['key', 'remove', 'xora/acme/main/api', '--yes'])).code).toBe(0);
  });

  it('on a terminal asks for the production instance name: a wrong one removes nothing, the right one removes the key', async () => {
    const { home } = await vault();
    const wrong = await onTerminal(home, ['key', 'remove', 'xora/acme/main/api'], 'Main');
    expect(wrong.asked).toEqual(['The key "api" is in the PRODUCTION instance "main". Type its name to remove it:']);
    expect(wrong.code).toBe(2);
    const right = await onTerminal(home, ['key', 'remove', 'xora/acme/main/api'], 'main');
    expect(right.code, right.stderr).toBe(0);
    expect(Object.keys(await keychainEntries(keychainServiceFor(vaultIdOf(home))))).toEqual(['audit-log-head']);
  });

  it('renames a key: its secret and its ref follow, a taken or invalid name is refused', async () => {
    const { run } = await vault();
    const secret = (await run(['key', 'get', 'xora/acme/main/api'])).stdout;
    const renamed = await run(['key', 'rename', 'xora/acme/main/api', 'web']);
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stdout).toBe('renamed xora/acme/main/api to xora/acme/main/web\n');
    expect((await run(['key', 'get', 'xora/acme/main/web'])).stdout).toBe(secret);
    await run(['key', 'add', 'xora/acme/main', 'jobs', '--no-verify'], sampleKeys.xora());
    const taken = await run(['key', 'rename', 'xora/acme/main/web', 'jobs']);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/already has a key named "jobs"/);
    expect((await run(['key', 'rename', 'xora/acme/main/web', 'a b'])).code).toBe(2);
  });

  it('removes an instance only once it is empty, saying how many keys it holds; a production one needs --yes without a terminal', async () => {
    const { run } = await vault();
    const held = await run(['instance', 'remove', 'xora/acme/main', '--yes']);
    expect(held.code).toBe(2);
    expect(held.stderr).toMatch(/xora\/acme\/main still holds 1 key: remove it first/);
    expect((await run(['instance', 'remove', 'xora/acme/dev'])).stdout).toBe('removed the instance xora/acme/dev (SANDBOX)\n');
    await run(['key', 'remove', 'xora/acme/main/api', '--yes']);
    expect((await run(['instance', 'remove', 'xora/acme/main'])).code).toBe(2);
    expect((await run(['instance', 'remove', 'xora/acme/main', '--yes'])).code).toBe(0);
    expect((await run(['instance', 'list'])).stdout).toMatch(/^no instances yet/);
  });
});
