// The background schedule: reminders at start, and the optional scheduled verification of every
// key (off by default), whose results are what the audit view shows.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openAppCore } from '../../../electron/app/app-core.js';
import { startSchedules } from '../../../electron/app/schedules.js';
import { auditRows } from '../../../electron/core/audit/audit-report.js';
import { ReminderService, type Notifier } from '../../../electron/core/reminders/reminder-service.js';
import { startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { privateKeychain } from '../../support/private-keychain.js';
import { tempHome } from '../../support/temp-home.js';

let emulators: AllEmulators;
beforeAll(async () => {
  emulators = await startAllEmulators();
});
afterAll(async () => {
  await emulators.close();
});

async function vaultWithOneXoraKey() {
  const core = openAppCore(tempHome(), { name: 'the desktop app', secrets: privateKeychain() });
  await core.vault.addInstance({ provider: 'xora', org: 'acme', name: 'main', env: 'production', baseUrl: emulators.xora.baseUrl() });
  await core.vault.addKey({ instanceRef: 'xora/acme/main', name: 'api', secret: emulators.xora.control.createKey({ name: 'api' }).secret });
  let checks = 0;
  const notifier: Notifier = { notify: () => undefined, setAttentionCount: () => void (checks += 1) };
  const reminders = new ReminderService({ metadata: core.metadata, clock: core.clock, notifier });
  return { core, reminders, checks: () => checks };
}

it('verifies nothing on its own unless switched on', async () => {
  const { core, reminders, checks } = await vaultWithOneXoraKey();
  const schedules = startSchedules(core, reminders);
  await schedules.resume();
  expect(checks()).toBeGreaterThan(0);
  expect(core.vault.read().keys[0]?.lastVerification).toBeUndefined();
  await schedules.stop();
  await core.close();
});

it('when switched on, verifies every key and the audit view shows the result', async () => {
  const { core, reminders } = await vaultWithOneXoraKey();
  await core.metadata.update((doc) => ({ doc: { ...doc, scheduledVerifyHours: 24 }, result: undefined }));
  const schedules = startSchedules(core, reminders);
  await schedules.resume();
  const [row] = auditRows(core.vault.read(), new Date());
  expect(row).toMatchObject({ ref: 'xora/acme/main/api', lastVerification: expect.stringMatching(/^valid/) });
  // The slot is taken: waking again within the 24 hours verifies nothing more.
  const first = row?.lastVerifiedAt;
  await schedules.resume();
  expect(auditRows(core.vault.read(), new Date())[0]?.lastVerifiedAt).toBe(first);
  await schedules.stop();
  await core.close();
});
