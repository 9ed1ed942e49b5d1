import { beforeEach, expect, it } from 'vitest';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';

let run: ReturnType<typeof cliFor>;
const secrets = { live: sampleKeys.nora('production'), test: sampleKeys.nora('sandbox') };
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

beforeEach(async () => {
  run = cliFor(tempHome());
  for (const args of [
    ['instance', 'add', 'nora', 'acme', 'live', '--env', 'production'],
    ['instance', 'add', 'nora', 'acme', 'test', '--env', 'sandbox'],
  ]) expect((await run(args)).code).toBe(0);
  expect((await run(['key', 'add', 'nora/acme/live', 'backend', '--no-verify', '--expires', tomorrow], secrets.live)).code).toBe(0);
  expect((await run(['key', 'add', 'nora/acme/test', 'backend', '--no-verify'], secrets.test)).code).toBe(0);
});

it('lists every key with its policy state, and filters by environment and state', async () => {
  const rows = JSON.parse((await run(['audit', '--json'])).stdout) as { ref: string; policyState: string; dueOn: string; dueBy: string; maxAgeDays: number; targets: number }[];
  expect(rows).toEqual([
    expect.objectContaining({ ref: 'nora/acme/live/backend', policyState: 'due soon', dueOn: tomorrow, dueBy: 'provider expiry', maxAgeDays: 90, targets: 0 }),
    expect.objectContaining({ ref: 'nora/acme/test/backend', policyState: 'ok', dueBy: 'max age', maxAgeDays: 180 }),
  ]);
  expect(JSON.parse((await run(['audit', '--json', '--env', 'sandbox'])).stdout)).toHaveLength(1);
  expect(JSON.parse((await run(['audit', '--json', '--state', 'due soon'])).stdout)).toHaveLength(1);
  const table = await run(['audit']);
  expect(table.stdout).toContain('2 keys: 0 overdue, 0 expired, 1 due in 7 days, 2 unverified for 30 days');
});

it('exports CSV and a calendar, with no secret in either', async () => {
  const csv = (await run(['audit', '--csv'])).stdout;
  expect(csv.split('\n')[0]).toContain('ref,provider,org,instance,env,maskedKey,status');
  expect(csv).toContain('nora/acme/live/backend');
  const ics = (await run(['audit', '--ics'])).stdout;
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(ics).toContain(`DTSTART;VALUE=DATE:${tomorrow.replaceAll('-', '')}`);
  for (const out of [csv, ics]) for (const secret of Object.values(secrets)) expect(out).not.toContain(secret);
});

it('refuses a bad filter in words', async () => {
  const bad = await run(['audit', '--state', 'late']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--state must be one of');
});
