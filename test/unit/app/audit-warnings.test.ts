import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openAppCore } from '../../../electron/app/app-core.js';
import { dispatchCall } from '../../../electron/app/call-dispatch.js';
import { createHandlers } from '../../../electron/app/handlers.js';
import type { VaultOverview } from '../../../electron/contract/views.js';
import { appProblemText } from '../../../renderer/src/problems/wordings.js';
import { MemorySecretStore } from '../../support/memory-secret-store.js';
import { tempHome } from '../../support/temp-home.js';

it('an action the audit log could not record succeeds in the app, and the overview warns of it as a problem worded for the app', async () => {
  const home = tempHome();
  // The log file on a full disk (Linux's /dev/full): every append fails with ENOSPC.
  symlinkSync('/dev/full', join(home, 'audit.log'));
  const core = openAppCore(home, { name: 'the desktop app', secrets: new MemorySecretStore() });
  const handlers = createHandlers(core, { copy: null, openExternal: async () => false, pickPath: null, emit: () => undefined });
  try {
    const added = await dispatchCall(handlers, 'instance.add', { provider: 'xora', org: 'acme', name: 'main', env: 'sandbox' });
    expect(added.reply, JSON.stringify(added.reply)).toMatchObject({ ok: true });
    const overview = await dispatchCall(handlers, 'vault.overview', {});
    const { warnings } = (overview.reply as { ok: true; result: VaultOverview }).result;
    expect(warnings).toEqual([{ code: 'audit.unrecorded', action: 'instance.add', reason: expect.stringMatching(/ENOSPC/) }]);
    const shown = appProblemText(warnings[0]!);
    expect(shown).toMatch(/instance\.add\) was done, but the audit log could not record it/);
    expect(shown).not.toMatch(/--|keyturn /);
  } finally {
    await core.close();
  }
});
