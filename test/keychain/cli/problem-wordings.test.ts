// Vault, policy and store problems as the terminal words them: the flags and commands a person
// types here, and the exit code the problem's kind gives (2: their input; 3: something outside).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliFor } from '../../support/cli.js';
import { tempHome } from '../../support/temp-home.js';

describe('problems in the terminal', () => {
  it('an instance name the vault cannot use says which name and the rule it breaks, exit 2', async () => {
    const run = cliFor(tempHome());
    const result = await run(['instance', 'add', 'xora', 'acme', 'my main', '--env', 'sandbox']);
    expect(result).toMatchObject({ code: 2, stderr: 'keyturn: the instance name may use only letters, digits, ".", "_" and "-", and must start with a letter or digit\n' });
  });

  it('an instance added twice says so, exit 2', async () => {
    const run = cliFor(tempHome());
    expect((await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
    const again = await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox']);
    expect(again).toMatchObject({ code: 2, stderr: 'keyturn: instance xora/acme/main already exists: choose another name, or use it as it is\n' });
  });

  it('a policy for a provider the vault has no instance of names "keyturn instance list", exit 2', async () => {
    const run = cliFor(tempHome());
    const result = await run(['policy', 'set', '--provider', 'nope', '--production', '30']);
    expect(result).toMatchObject({ code: 2, stderr: 'keyturn: no instance of provider nope in this vault: check the name with "keyturn instance list"\n' });
  });

  it('a vault id that is not one names --id, exit 2', async () => {
    const run = cliFor(tempHome());
    const result = await run(['vault', 'recover-id', '--id', 'not-hex']);
    expect(result).toMatchObject({ code: 2, stderr: 'keyturn: --id "not-hex" is not a vault id: it is 32 lowercase hex characters (the part after "keyturn:" of the keychain service name)\n' });
  });

  it('a vault.json from another vault is a failure that names "keyturn vault recover-id --id", exit 3', async () => {
    const home = tempHome();
    const run = cliFor(home);
    expect((await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
    const other = 'f'.repeat(32);
    writeFileSync(join(home, 'vault-id.json'), `${JSON.stringify({ vaultId: other, createdAt: new Date().toISOString() })}\n`);
    const result = await run(['key', 'list']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(new RegExp(`^keyturn: .*vault\\.json belongs to the vault with id [0-9a-f]{32}, but .*vault-id\\.json says ${other}: the two files come from different vaults\\. Put back the matching vault-id\\.json, or run "keyturn vault recover-id --id [0-9a-f]{32}" if vault\\.json is the right one\\n$`));
  });
});
