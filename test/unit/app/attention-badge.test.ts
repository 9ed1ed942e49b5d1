import { afterEach, expect, it } from 'vitest';
import { openAppCore, type AppCore } from '../../../electron/app/app-core.js';
import { createHandlers } from '../../../electron/app/handlers.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';
import { memorySecrets } from './memory-secrets.js';

const opened: AppCore[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

it('the dock badge follows the vault at once: a change sets the count now, not at the next hourly check', async () => {
  const counts: number[] = [];
  let now = new Date('2026-01-01T10:00:00Z');
  const core = openAppCore(tempHome(), { name: 'the desktop app', secrets: memorySecrets(), clock: { now: () => now }, notifier: { notify: () => undefined, setAttentionCount: (n) => void counts.push(n) } });
  opened.push(core);
  const handlers = createHandlers(core, { copy: null, openExternal: async () => false, pickPath: null, emit: () => undefined });
  await handlers['instance.add']({ provider: 'xora', org: 'acme', name: 'dev', env: 'sandbox' });
  await handlers['key.add']({ instanceRef: 'xora/acme/dev', name: 'api', secret: sampleKeys.xora(), verify: false });
  expect(counts.at(-1)).toBe(0);
  // Half a year later the key is overdue: the next change counts it, its removal uncounts it.
  now = new Date('2026-07-15T10:00:00Z');
  await handlers['key.add']({ instanceRef: 'xora/acme/dev', name: 'jobs', secret: sampleKeys.xora(), verify: false });
  expect(counts.at(-1)).toBe(1);
  await handlers['key.remove']({ ref: 'xora/acme/dev/api' });
  expect(counts.at(-1)).toBe(0);
});
