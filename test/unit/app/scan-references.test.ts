import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppCore, type AppCore } from '../../../electron/app/app-core.js';
import { createHandlers } from '../../../electron/app/handlers.js';
import type { EventName } from '../../../electron/contract/names.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';
import { memorySecrets } from './memory-secrets.js';

const opened: AppCore[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

function appOn() {
  const home = tempHome();
  const core = openAppCore(home, { name: 'the Keyturn app', secrets: memorySecrets(), notifier: { notify: () => undefined, setAttentionCount: () => undefined } });
  opened.push(core);
  const events: EventName[] = [];
  const handlers = createHandlers(core, { copy: null, openExternal: async () => false, pickPath: null, emit: (event) => void events.push(event) });
  return { home, handlers, events };
}

describe("the app's folder scan and keyturn:// references", () => {
  it('returns the references it found with the key each names, records them as sites (shown in the key detail) and says the vault changed', async () => {
    const app = appOn();
    await app.handlers['instance.add']({ provider: 'xora', org: 'acme', name: 'main', env: 'production' });
    await app.handlers['key.add']({ instanceRef: 'xora/acme/main', name: 'api', secret: sampleKeys.xora(), verify: false });
    const project = join(app.home, 'project');
    mkdirSync(project);
    const env = join(project, '.env');
    writeFileSync(env, 'XORA_API_KEY=keyturn://xora/acme/main/api\nOTHER=keyturn://xora/acme/main/gone\n');
    app.events.length = 0;

    const scanned = await app.handlers['scan.folder']({ dir: project, import: false, history: false });
    expect(scanned.references).toEqual([
      { file: env, line: 1, variable: 'XORA_API_KEY', reference: 'keyturn://xora/acme/main/api', keyRef: 'xora/acme/main/api' },
      { file: env, line: 2, variable: 'OTHER', reference: 'keyturn://xora/acme/main/gone', keyRef: null },
    ]);
    expect(app.events).toEqual(['vault.changed']);
    const detail = await app.handlers['key.detail']({ ref: 'xora/acme/main/api' });
    expect(detail.referenceSites).toEqual([expect.objectContaining({ file: env, line: 1, by: 'name', variable: 'XORA_API_KEY' })]);

    // Nothing new to record on a folder without references: nothing is announced.
    const empty = join(app.home, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, '.env'), 'PORT=1\n');
    app.events.length = 0;
    expect((await app.handlers['scan.folder']({ dir: empty, import: false, history: false })).references).toEqual([]);
    expect(app.events).toEqual([]);
  });
});
