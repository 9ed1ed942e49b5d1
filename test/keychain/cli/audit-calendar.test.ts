// The .ics export read back by a real calendar parser (ical.js): every event is a valid all-day
// event on the key's due date, and no value breaks RFC 5545's grammar (ical.js itself reads `P1DT`
// leniently, so durations are also checked against the RFC's dur-value rule).
import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';

/** RFC 5545 §3.3.6 dur-value: a `T` is always followed by hours, minutes or seconds. */
const RFC5545_DURATION = /^[+-]?P(?:\d+W|\d+D(?:T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))?|T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))$/;

type JcalProperty = [name: string, params: Record<string, unknown>, type: string, ...values: unknown[]];
type JcalComponent = [name: string, properties: JcalProperty[], components: JcalComponent[]];

function* allProperties(component: JcalComponent): Generator<JcalProperty> {
  yield* component[1];
  for (const child of component[2]) yield* allProperties(child);
}

const nextDay = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

it('exports every due date as an all-day event a calendar parser reads back, in valid RFC 5545', async () => {
  const run = cliFor(tempHome());
  for (const args of [
    ['instance', 'add', 'nora', 'acme', 'live', '--env', 'production'],
    ['instance', 'add', 'nora', 'acme', 'test', '--env', 'sandbox'],
  ]) expect((await run(args)).code).toBe(0);
  // The coming last day of a year (within the key's own maximum age), so the event's end falls in the next year.
  const yearEnd = `${new Date().getUTCFullYear()}-12-31`;
  expect((await run(['key', 'add', 'nora/acme/live', 'backend', '--expires', yearEnd, '--max-age', '36500'], sampleKeys.nora('production'))).code).toBe(0);
  expect((await run(['key', 'add', 'nora/acme/test', 'backend', '--max-age', '30'], sampleKeys.nora('sandbox'))).code).toBe(0);
  const rows = JSON.parse((await run(['audit', '--json'])).stdout) as { ref: string; maskedKey: string; dueOn: string; dueBy: string }[];
  expect(rows.map((r) => r.dueBy).sort()).toEqual(['max age', 'provider expiry']);

  const exported = await run(['audit', '--ics']);
  expect(exported.code).toBe(0);
  const jcal = ICAL.parse(exported.stdout) as JcalComponent;
  for (const [name, , type, ...values] of allProperties(jcal)) {
    if (type === 'duration') for (const value of values) expect(value, `${name} ${String(value)}`).toMatch(RFC5545_DURATION);
  }

  const calendar = new ICAL.Component(jcal);
  const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  expect(events).toHaveLength(rows.length);
  expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  for (const row of rows) {
    const what = row.dueBy === 'provider expiry' ? 'expires' : 'is due for rotation';
    const event = events.find((e) => e.summary === `${row.ref} ${what}`);
    expect(event, `an event for ${row.ref}`).toBeDefined();
    if (!event) continue;
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe(row.dueOn);
    expect(event.endDate.toString()).toBe(nextDay(row.dueOn));
    expect(event.duration.toSeconds()).toBe(86_400);
    expect(event.description).toContain(row.maskedKey);
  }
  expect(events.find((e) => e.summary.startsWith('nora/acme/live/'))?.endDate.toString()).toBe(`${new Date().getUTCFullYear() + 1}-01-01`);
});
