import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppCore, type AppCore } from '../../../electron/app/app-core.js';
import { dispatchCall } from '../../../electron/app/call-dispatch.js';
import { createHandlers, type HostHooks } from '../../../electron/app/handlers.js';
import type { EventName } from '../../../electron/contract/names.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';
import { memorySecrets } from './memory-secrets.js';

const opened: AppCore[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

/** The app's handlers on a real core over a fresh vault home, with host hooks a test can change. */
function appOn(hooks: Partial<HostHooks> = {}) {
  const home = tempHome();
  const core = openAppCore(home, { name: 'the Keyturn app', secrets: memorySecrets(), notifier: { notify: () => undefined, setAttentionCount: () => undefined } });
  opened.push(core);
  const events: EventName[] = [];
  const handlers = createHandlers(core, {
    copy: null,
    openExternal: async () => false,
    pickPath: null,
    emit: (event) => void events.push(event),
    ...hooks,
  });
  const call = (name: string, args: unknown = {}) => dispatchCall(handlers, name, args);
  return { home, core, handlers, events, call };
}

async function withXoraKey(app: ReturnType<typeof appOn>, secret = sampleKeys.xora()) {
  await app.handlers['instance.add']({ provider: 'xora', org: 'acme', name: 'main', env: 'production' });
  // Stored unchecked: no provider is asked in these tests.
  const added = await app.handlers['key.add']({ instanceRef: 'xora/acme/main', name: 'api', secret, verify: false });
  return { secret, added };
}

describe('the app handlers, on core', () => {
  it('an instance and a key added are in the overview, each change announced as vault.changed', async () => {
    const app = appOn();
    const { added } = await withXoraKey(app);
    expect(added.key.ref).toBe('xora/acme/main/api');
    expect(app.events).toEqual(['vault.changed', 'vault.changed']);
    const overview = await app.handlers['vault.overview']({});
    expect(overview.instances.map((i) => `${i.provider}/${i.org}/${i.name}`)).toEqual(['xora/acme/main']);
    expect(overview.keys).toEqual([expect.objectContaining({ ref: 'xora/acme/main/api', policy: expect.objectContaining({ state: expect.any(String) }) })]);
    expect(overview.providers.map((p) => p.id)).toContain('xora');
  });

  it('no call but reveal and copy (browser mode) answers with the secret: the overview and detail carry it masked only', async () => {
    const app = appOn();
    const { secret } = await withXoraKey(app);
    expect(JSON.stringify(await app.handlers['vault.overview']({}))).not.toContain(secret);
    expect(JSON.stringify(await app.handlers['key.detail']({ ref: 'xora/acme/main/api' }))).not.toContain(secret);
    expect(await app.handlers['key.reveal']({ ref: 'xora/acme/main/api' })).toEqual({ secret, hideAfterSeconds: expect.any(Number) });
    expect(await app.handlers['key.copy']({ ref: 'xora/acme/main/api' })).toEqual({ by: 'renderer', secret, clearsAfterSeconds: expect.any(Number) });
  });

  it('where the host writes the clipboard, copy hands the secret to the host and the page gets none', async () => {
    const copied: string[] = [];
    const app = appOn({
      copy: (secret) => {
        copied.push(secret);
        return { by: 'host', clearsAfterSeconds: 30 };
      },
    });
    const { secret } = await withXoraKey(app);
    expect(await app.handlers['key.copy']({ ref: 'xora/acme/main/api' })).toEqual({ by: 'host', clearsAfterSeconds: 30 });
    expect(copied).toEqual([secret]);
  });

  it('a key the vault does not hold is a problem naming the ref field', async () => {
    const app = appOn();
    await withXoraKey(app);
    const { reply } = await app.call('key.detail', { ref: 'xora/acme/main/nope' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'input', problem: { code: 'key.not-found', field: 'ref' } } });
  });

  it('an instance with a plain-http base URL is refused as a problem about the base URL, and nothing is stored', async () => {
    const app = appOn();
    const { reply } = await app.call('instance.add', { provider: 'nexora', org: 'acme', name: 'self', env: 'sandbox', baseUrl: 'http://nexora.example' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'input', problem: { field: 'baseUrl' } } });
    expect(app.core.vault.read().instances).toEqual([]);
    expect(app.events).toEqual([]);
  });

  it('a folder given as a relative path is refused as bad input, before anything is read', async () => {
    const app = appOn();
    const { reply } = await app.call('scan.folder', { dir: 'project' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'input' } });
  });

  it('a scan finds a key in a .env file, masked, and imports nothing unless asked', async () => {
    const app = appOn();
    const secret = sampleKeys.xora();
    const project = join(app.home, 'project');
    mkdirSync(project);
    writeFileSync(join(project, '.env'), `XORA_API_KEY=${secret}\n`);
    const scanned = await app.handlers['scan.folder']({ dir: project, import: false, history: false });
    expect(scanned.findings).toEqual([expect.objectContaining({ variable: 'XORA_API_KEY', inVault: null })]);
    expect(JSON.stringify(scanned)).not.toContain(secret);
    expect(scanned.imported).toEqual([]);
    expect(app.events).toEqual([]);
  });

  it('settings saved are read back, and the change is announced', async () => {
    const app = appOn();
    await withXoraKey(app);
    app.events.length = 0;
    await app.handlers['settings.set']({ defaults: { production: 30, sandbox: 90 }, instances: { 'xora/acme/main': 14 } });
    expect(app.events).toEqual(['vault.changed']);
    expect(await app.handlers['settings.get']({})).toMatchObject({ defaults: { production: 30, sandbox: 90 }, instances: [{ ref: 'xora/acme/main', days: 14 }] });
  });

  it('a host with no file dialog says so; a dashboard it does not know is not opened', async () => {
    const app = appOn();
    expect(await app.handlers['path.pick']({ kind: 'folder' })).toEqual({ available: false, path: null });
    expect(await app.handlers['dashboard.open']({ url: 'https://example.com/' })).toEqual({ opened: false });
    const picking = appOn({ pickPath: async (kind) => (kind === 'folder' ? '/home/a/code' : null) });
    expect(await picking.handlers['path.pick']({ kind: 'folder' })).toEqual({ available: true, path: '/home/a/code' });
  });

  it('no rotation is in progress in a new vault; a rotation id that does not exist is refused', async () => {
    const app = appOn();
    expect(await app.handlers['rotation.inProgress']({})).toEqual([]);
    const { reply } = await app.call('rotation.get', { rotationId: 'nope' });
    expect(reply).toMatchObject({ ok: false });
  });
});
