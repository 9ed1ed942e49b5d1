// Reminders against a controllable clock and the real metadata store: thresholds, restarts,
// sleep, clock jumps and snooze.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Reminder } from '../../../../electron/core/reminders/due-reminders.js';
import { ReminderService, type Notifier } from '../../../../electron/core/reminders/reminder-service.js';
import { ConfMetadataStore } from '../../../../electron/core/node/store/conf-metadata-store.js';
import { sampleKeys } from '../../../support/keys.js';
import { MemorySecretStore } from '../../../support/memory-secret-store.js';
import { tempHome } from '../../../support/temp-home.js';
import { openTestVault, type TestVault } from '../../../support/vault.js';

class RecordingNotifier implements Notifier {
  shown: Reminder[] = [];
  count = -1;
  notify(reminder: Reminder): void {
    this.shown.push(reminder);
  }
  setAttentionCount(count: number): void {
    this.count = count;
  }
  take(): string[] {
    return this.shown.splice(0).map((r) => `${r.threshold}:${r.title}`);
  }
}

let home: string;
let opened: TestVault;
let clock: { at: Date; now(): Date };
let notifier: RecordingNotifier;
const day = (d: string) => new Date(`${d}T09:00:00Z`);
const service = () => new ReminderService({ metadata: new ConfMetadataStore(home), clock, notifier });
const REF = 'nora/acme/live/backend';

beforeEach(async () => {
  home = tempHome();
  clock = { at: day('2026-01-01'), now() { return this.at; } };
  notifier = new RecordingNotifier();
  opened = openTestVault(home, { keychain: new MemorySecretStore(), clock });
  await opened.vault.addInstance({ provider: 'nora', org: 'acme', name: 'live', env: 'production' });
  // Nora's expiry comes first (the production max age would be 2026-04-01).
  await opened.vault.addKey({ instanceRef: 'nora/acme/live', name: 'backend', secret: sampleKeys.nora('production'), expiresOn: '2026-03-01' });
});
afterEach(async () => {
  await opened.http.close();
});

it('fires at 30, 7 and 1 days before and at expiry, each once', async () => {
  const reminders = service();
  await reminders.check();
  expect(notifier.take()).toEqual([]);
  clock.at = day('2026-01-30');
  await reminders.check();
  await reminders.check();
  expect(notifier.take()).toEqual([`30:${REF} expires in 30 days`]);
  expect(notifier.count).toBe(1);
  for (const [d, expected] of [['2026-02-22', `7:${REF} expires in 7 days`], ['2026-02-28', `1:${REF} expires in 1 day`], ['2026-03-01', `0:${REF} expires today`]] as const) {
    clock.at = day(d);
    await reminders.check();
    await reminders.check();
    expect(notifier.take()).toEqual([expected]);
  }
  clock.at = day('2026-03-20');
  await reminders.check();
  expect(notifier.take()).toEqual([]);
});

it('never fires a threshold again after a restart', async () => {
  clock.at = day('2026-02-22');
  await service().check();
  expect(notifier.take()).toHaveLength(1);
  // A new process: a fresh store and service over the same home.
  await service().check();
  await service().check();
  expect(notifier.take()).toEqual([]);
});

it('after a long sleep or a clock jump over several thresholds, fires once (the most urgent), then nothing it skipped', async () => {
  clock.at = day('2026-02-28');
  await service().check();
  expect(notifier.take()).toEqual([`1:${REF} expires in 1 day`]);
  clock.at = day('2026-02-23');
  await service().check();
  expect(notifier.take()).toEqual([]);
  clock.at = day('2026-03-02');
  await service().check();
  expect(notifier.take()).toEqual([`0:${REF} expired`]);
});

it('a clock set back fires nothing already fired', async () => {
  clock.at = day('2026-02-22');
  await service().check();
  notifier.take();
  clock.at = day('2026-01-30');
  await service().check();
  clock.at = day('2026-02-22');
  await service().check();
  expect(notifier.take()).toEqual([]);
});

it('a snoozed key stays quiet until its snooze ends, then fires what it missed once', async () => {
  clock.at = day('2026-01-30');
  await service().check();
  notifier.take();
  await service().snooze(REF, 30);
  clock.at = day('2026-02-22');
  await service().check();
  expect(notifier.take()).toEqual([]);
  clock.at = day('2026-03-01');
  await service().check();
  expect(notifier.take()).toEqual([`0:${REF} expires today`]);
  clock.at = day('2026-03-02');
  await service().check();
  expect(notifier.take()).toEqual([]);
});

it('starts afresh when the due date changes, and forgets keys that are gone', async () => {
  clock.at = day('2026-02-22');
  await service().check();
  notifier.take();
  await opened.vault.removeKey(REF, { yes: true });
  await opened.vault.addKey({ instanceRef: 'nora/acme/live', name: 'backend', secret: sampleKeys.nora('production'), expiresOn: '2026-02-28' });
  await service().check();
  expect(notifier.take()).toEqual([`7:${REF} expires in 6 days`]);
  expect(Object.keys(new ConfMetadataStore(home).read().reminders ?? {})).toHaveLength(1);
});
