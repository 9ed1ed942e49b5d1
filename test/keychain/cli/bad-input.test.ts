import { beforeEach, describe, expect, it } from 'vitest';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome, vaultState } from '../../support/temp-home.js';

/**
 * Every bad input exits 2 with a one-line message naming what is wrong, and changes nothing:
 * neither the files in the vault home nor the keychain.
 */
describe('keyturn refuses bad input and changes nothing', () => {
  let home: string;
  let run: ReturnType<typeof cliFor>;
  const storedXora = sampleKeys.xora();

  beforeEach(async () => {
    home = tempHome();
    run = cliFor(home);
    for (const args of [
      ['instance', 'add', 'xora', 'acme', 'main', '--env', 'production'],
      ['instance', 'add', 'nora', 'acme', 'staging', '--env', 'sandbox'],
      ['instance', 'add', 'nora', 'acme', 'live', '--env', 'production'],
      ['instance', 'add', 'xerotier', 'my-project', 'prod', '--env', 'production', '--project-id', 'proj_ABC123'],
      ['instance', 'add', 'nexora', 'acme', 'self', '--env', 'production', '--base-url', 'https://nexora.acme.test/api'],
      ['provider', 'add', 'acme', '--prefix', 'ak_', '--header', 'X-Acme-Key', '--production-url', 'https://api.acme.test', '--verify-path', '/v1/me'],
      ['instance', 'add', 'acme', 'acme', 'main', '--env', 'production'],
    ]) {
      expect((await run(args)).code).toBe(0);
    }
    expect((await run(['key', 'add', 'xora/acme/main', 'ci', '--no-verify'], storedXora)).code).toBe(0);
  });

  const cases: { what: string; args: string[]; stdin?: () => string; message: RegExp }[] = [
    { what: 'an unknown provider', args: ['instance', 'add', 'acme-cloud', 'acme', 'x', '--env', 'sandbox'], message: /unknown provider "acme-cloud"/ },
    { what: 'an environment that is neither sandbox nor production', args: ['instance', 'add', 'xora', 'acme', 'x', '--env', 'staging'], message: /sandbox or production/ },
    { what: 'a Nexora instance without a base URL', args: ['instance', 'add', 'nexora', 'acme', 'x', '--env', 'sandbox'], message: /--base-url/ },
    { what: 'a Xerotier instance without a project id', args: ['instance', 'add', 'xerotier', 'p', 'x', '--env', 'sandbox'], message: /--project-id/ },
    { what: 'a plain-http base URL off this machine', args: ['instance', 'add', 'xora', 'acme', 'x', '--env', 'sandbox', '--base-url', 'http://api.xora.sh/v1'], message: /https/ },
    { what: 'a base URL that is not a URL', args: ['instance', 'add', 'xora', 'acme', 'x', '--env', 'sandbox', '--base-url', 'api xora'], message: /not a URL/ },
    { what: 'an instance that already exists', args: ['instance', 'add', 'xora', 'acme', 'main', '--env', 'production'], message: /already exists/ },
    { what: 'an organization name with a slash', args: ['instance', 'add', 'xora', 'ac/me', 'x', '--env', 'sandbox'], message: /organization name/ },
    { what: 'a verify path that is not a path', args: ['instance', 'add', 'nora', 'acme', 'x', '--env', 'sandbox', '--verify-path', 'v2 me'], message: /--verify-path/ },
    { what: 'a verify path for a provider whose verify call is fixed', args: ['instance', 'set', 'xora/acme/main', '--verify-path', '/v1/me'], message: /Xora's verify call is fixed by its documents; only Nora and providers you describe take --verify-path/ },
    { what: 'a changed verify path that is not a path', args: ['instance', 'set', 'nora/acme/live', '--verify-path', 'v2 me'], message: /--verify-path "v2 me" must be a path/ },
    { what: 'instance set without a change', args: ['instance', 'set', 'nora/acme/live'], message: /give --verify-path/ },
    { what: 'a key for an instance that does not exist', args: ['key', 'add', 'xora/acme/nope', 'k'], stdin: sampleKeys.xora, message: /no instance xora\/acme\/nope/ },
    { what: 'a Xora key of the wrong length', args: ['key', 'add', 'xora/acme/main', 'k'], stdin: () => sampleKeys.xora().slice(0, 40), message: /52 characters/ },
    { what: 'a Xora key without its prefix', args: ['key', 'add', 'xora/acme/main', 'k'], stdin: () => `abc_${sampleKeys.xora().slice(4)}`, message: /starts with nte_/ },
    { what: 'a production Nora key in a sandbox instance', args: ['key', 'add', 'nora/acme/staging', 'k'], stdin: () => sampleKeys.nora('production'), message: /production key.*sandbox/ },
    { what: 'a sandbox Nora key in a production instance', args: ['key', 'add', 'nora/acme/live', 'k'], stdin: () => sampleKeys.nora('sandbox'), message: /sandbox key.*production/ },
    { what: "a Xerotier key of another project", args: ['key', 'add', 'xerotier/my-project/prod', 'k'], stdin: () => sampleKeys.xerotier('other-project'), message: /another project/ },
    { what: 'a Nexora key without its prefix', args: ['key', 'add', 'nexora/acme/self', 'k'], stdin: () => 'sk_live_abcdefghijklmnop', message: /starts with nxr_/ },
    { what: 'the same secret twice', args: ['key', 'add', 'xora/acme/main', 'again'], stdin: () => storedXora, message: /already stored as xora\/acme\/main\/ci/ },
    { what: 'a key name already used in the instance', args: ['key', 'add', 'xora/acme/main', 'ci'], stdin: sampleKeys.xora, message: /already has a key named "ci"/ },
    { what: 'no key on stdin', args: ['key', 'add', 'xora/acme/main', 'k'], stdin: () => '', message: /no key on standard input/ },
    { what: 'a key with a line break inside', args: ['key', 'add', 'xora/acme/main', 'k'], stdin: () => { const k = sampleKeys.xora(); return `${k.slice(0, 20)}\n${k.slice(20)}`; }, message: /whitespace or a line break/ },
    { what: 'an expiry that is not a date', args: ['key', 'add', 'xora/acme/main', 'k', '--expires', '2026-02-30'], stdin: sampleKeys.xora, message: /not a date/ },
    { what: 'an expiry in the past', args: ['key', 'add', 'xora/acme/main', 'k', '--expires', '2001-01-01'], stdin: sampleKeys.xora, message: /already passed/ },
    { what: 'a max age that is not a whole number', args: ['key', 'add', 'xora/acme/main', 'k', '--max-age', '0'], stdin: sampleKeys.xora, message: /whole number/ },
    { what: 'a key name with a space', args: ['key', 'add', 'xora/acme/main', 'my key'], stdin: sampleKeys.xora, message: /key name/ },
    { what: 'a malformed reference', args: ['key', 'show', 'xora/acme'], message: /no instance|not a valid reference/ },
    { what: 'a key that does not exist (show)', args: ['key', 'show', 'xora/acme/main/nope'], message: /no key named "nope"/ },
    { what: 'a key that does not exist (get)', args: ['key', 'get', 'no-such-id'], message: /no key with id/ },
    { what: 'a key that does not exist (remove)', args: ['key', 'remove', 'xora/acme/main/nope'], message: /no key named/ },
    { what: 'verify with nothing to verify', args: ['key', 'verify'], message: /or pass --all/ },
    { what: 'verify with refs and --all', args: ['key', 'verify', 'xora/acme/main/ci', '--all'], message: /not both/ },
    { what: 'an unknown command', args: ['keys', 'list'], message: /unknown command/ },
    { what: 'an unknown option', args: ['key', 'list', '--everything'], message: /unknown option/ },
    // A pasted page or header is never a key: each profile caps the length (the contract's 4,096 for the app).
    { what: 'a 20 KB "key" for Nexora (no documented length)', args: ['key', 'add', 'nexora/acme/self', 'k'], stdin: () => `nxr_${'a'.repeat(20 * 1024)}`, message: /20484 characters long; a Nexora key has at most 256: copy only the key/ },
    { what: 'a 20 KB "key" for Nora', args: ['key', 'add', 'nora/acme/live', 'k'], stdin: () => `sk_live_${'a'.repeat(20 * 1024)}`, message: /a Nora key has at most 256/ },
    { what: 'a 20 KB "key" for Xerotier', args: ['key', 'add', 'xerotier/my-project/prod', 'k'], stdin: () => `xero_my-project_${'a'.repeat(20 * 1024)}`, message: /a Xerotier key has at most 256/ },
    { what: 'a 20 KB "key" for Xora', args: ['key', 'add', 'xora/acme/main', 'k'], stdin: () => `nte_${'a'.repeat(20 * 1024)}`, message: /a Xora key is 52 characters long .*this one has 20484/ },
    { what: 'a 20 KB "key" for a user-defined provider', args: ['key', 'add', 'acme/acme/main', 'k'], stdin: () => `ak_${'a'.repeat(20 * 1024)}`, message: /20483 characters long; a acme key has at most 4096/ },
    // Numbers past a flag's range are bad input (exit 2), not a keychain or disk failure.
    { what: 'a max age past any number of days', args: ['key', 'add', 'xora/acme/main', 'k', '--max-age', '99999999999999999999'], stdin: sampleKeys.xora, message: /--max-age.*from 1 to 36500/ },
    { what: 'a max age past 100 years', args: ['key', 'add', 'xora/acme/main', 'k', '--max-age', '36501'], stdin: sampleKeys.xora, message: /--max-age.*from 1 to 36500/ },
    { what: 'a policy age past any number of days', args: ['policy', 'set', '--production', '99999999999999999999'], message: /--production.*from 1 to 36500/ },
    { what: "a key's own max age past any number of days", args: ['key', 'set', 'xora/acme/main/ci', '--max-age', '99999999999999999999'], message: /--max-age.*from 1 to 36500/ },
    { what: 'a revoke wait past a day', args: ['rotate', 'xora/acme/main/ci', '--yes', '--revoke-wait', '99999999999999999999'], message: /--revoke-wait.*from 1 to 86400/ },
    { what: 'an emergency revoke wait past a day', args: ['revoke', 'xora/acme/main/ci', '--yes', '--wait', '86401'], message: /--wait.*from 1 to 86400/ },
    { what: 'a port past 65535', args: ['web', '--port', '99999999'], message: /--port.*from 1 to 65535/ },
    { what: 'a provider without a prefix or pattern', args: ['provider', 'add', 'acme', '--header', 'X-Key', '--verify-path', '/me'], message: /--prefix or --pattern/ },
  ];

  for (const c of cases) {
    it(`refuses ${c.what} with exit 2 and changes nothing`, async () => {
      const before = await vaultState(home);
      const result = await run(c.args, c.stdin?.() ?? '');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(c.message);
      // One line names the problem; commander may add a "(run keyturn --help …)" hint after it.
      expect(result.stderr.trimEnd().split('\n').filter((line) => !line.startsWith('(')), 'one line').toHaveLength(1);
      expect(result.stdout).toBe('');
      expect(await vaultState(home)).toEqual(before);
    });
  }

  it('never echoes the refused secret in its message', async () => {
    const wrongEnv = sampleKeys.nora('production');
    const result = await run(['key', 'add', 'nora/acme/staging', 'k'], wrongEnv);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain(wrongEnv);
    expect(result.stderr).not.toContain(wrongEnv.slice(8));
  });
});
