import { beforeEach, expect, it } from 'vitest';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome, vaultState } from '../../support/temp-home.js';

let home: string;
let run: ReturnType<typeof cliFor>;
const maxAge = async (ref: string) => (JSON.parse((await run(['audit', '--json'])).stdout) as { ref: string; maxAgeDays: number; expiresOn: string | null }[]).find((r) => r.ref === ref);

beforeEach(async () => {
  home = tempHome();
  run = cliFor(home);
  for (const args of [
    ['instance', 'add', 'nora', 'acme', 'live', '--env', 'production'],
    ['instance', 'add', 'nora', 'acme', 'test', '--env', 'sandbox'],
    ['instance', 'add', 'xora', 'acme', 'main', '--env', 'production'],
  ]) expect((await run(args)).code).toBe(0);
  expect((await run(['key', 'add', 'nora/acme/live', 'api', '--no-verify'], sampleKeys.nora('production'))).code).toBe(0);
  expect((await run(['key', 'add', 'nora/acme/test', 'api', '--no-verify'], sampleKeys.nora('sandbox'))).code).toBe(0);
  expect((await run(['key', 'add', 'xora/acme/main', 'api', '--no-verify'], sampleKeys.xora())).code).toBe(0);
});

it('sets the maximum age by default, per provider and per instance, the narrowest winning', async () => {
  expect((await run(['policy', 'set', '--production', '60', '--sandbox', '365'])).code).toBe(0);
  expect(await maxAge('xora/acme/main/api')).toMatchObject({ maxAgeDays: 60 });
  expect(await maxAge('nora/acme/test/api')).toMatchObject({ maxAgeDays: 365 });
  expect((await run(['policy', 'set', '--provider', 'nora', '--production', '45'])).code).toBe(0);
  expect(await maxAge('nora/acme/live/api')).toMatchObject({ maxAgeDays: 45 });
  expect((await run(['policy', 'set', '--instance', 'nora/acme/live', '--days', '30'])).code).toBe(0);
  expect(await maxAge('nora/acme/live/api')).toMatchObject({ maxAgeDays: 30 });
  expect((await run(['key', 'set', 'nora/acme/live/api', '--max-age', '10', '--expires', '2099-01-01'])).code).toBe(0);
  expect(await maxAge('nora/acme/live/api')).toMatchObject({ maxAgeDays: 10, expiresOn: '2099-01-01' });
  const cleared = await run(['key', 'set', 'nora/acme/live/api', '--max-age', 'policy', '--expires', 'never']);
  expect(cleared.code, cleared.stderr).toBe(0);
  expect(await maxAge('nora/acme/live/api')).toMatchObject({ maxAgeDays: 30, expiresOn: null });
  expect((await run(['policy', 'set', '--instance', 'nora/acme/live', '--clear'])).code).toBe(0);
  expect(await maxAge('nora/acme/live/api')).toMatchObject({ maxAgeDays: 45 });
  expect((await run(['policy', 'show'])).stdout).toMatch(/default\s+60 d\s+365 d[\s\S]*provider nora\s+45 d/);
  const logged = JSON.parse((await run(['log', 'show', '--json'])).stdout) as { action: string }[];
  expect(logged.filter((e) => e.action === 'settings.change')).toHaveLength(6);
});

it('refuses a bad policy change in words and changes nothing', async () => {
  const before = await vaultState(home);
  for (const [args, message] of [
    [['policy', 'set'], 'give --production DAYS and/or --sandbox DAYS'],
    [['policy', 'set', '--provider', 'nexora', '--production', '30'], 'no instance of provider nexora'],
    [['policy', 'set', '--instance', 'nora/acme/nowhere', '--days', '30'], 'nora/acme/nowhere'],
    [['policy', 'set', '--production', '0'], 'whole number'],
    [['key', 'set', 'nora/acme/live/api', '--expires', '2026-02-30'], 'is not a date'],
    [['key', 'set', 'nora/acme/live/api'], 'give --expires and/or --max-age'],
  ] as const) {
    const result = await run([...args]);
    expect(result.code, args.join(' ')).toBe(2);
    expect(result.stderr).toContain(message);
  }
  expect(await vaultState(home)).toEqual(before);
});
