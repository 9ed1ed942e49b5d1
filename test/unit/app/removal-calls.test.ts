import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppCore, type AppCore } from '../../../electron/app/app-core.js';
import { dispatchCall } from '../../../electron/app/call-dispatch.js';
import { createHandlers } from '../../../electron/app/handlers.js';
import { appProblemText } from '../../../renderer/src/problems/wordings.js';
import { cliProblemText } from '../../../electron/cli/problems/wordings.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';
import { memorySecrets } from './memory-secrets.js';

const opened: AppCore[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

function appWithKeys() {
  const home = tempHome();
  const core = openAppCore(home, { name: 'the Keyturn app', secrets: memorySecrets(), notifier: { notify: () => undefined, setAttentionCount: () => undefined } });
  opened.push(core);
  const handlers = createHandlers(core, { copy: null, openExternal: async () => false, pickPath: null, emit: () => undefined });
  const call = (name: string, args: unknown = {}) => dispatchCall(handlers, name, args);
  return { home, core, handlers, call };
}

async function productionAndSandbox(app: ReturnType<typeof appWithKeys>) {
  await app.handlers['instance.add']({ provider: 'xora', org: 'acme', name: 'main', env: 'production' });
  await app.handlers['instance.add']({ provider: 'xora', org: 'acme', name: 'dev', env: 'sandbox' });
  await app.handlers['key.add']({ instanceRef: 'xora/acme/main', name: 'api', secret: sampleKeys.xora(), verify: false });
  await app.handlers['key.add']({ instanceRef: 'xora/acme/main', name: 'jobs', secret: sampleKeys.xora(), verify: false });
  await app.handlers['key.add']({ instanceRef: 'xora/acme/dev', name: 'api', secret: sampleKeys.xora(), verify: false });
}

describe('removing and renaming in the app', () => {
  it("a production key is not removed unless the instance name is typed back: missing or wrong is a field problem, and nothing changes", async () => {
    const app = appWithKeys();
    await productionAndSandbox(app);
    for (const confirmInstanceName of [undefined, 'Main', 'mai']) {
      const { status, reply } = await app.call('key.remove', { ref: 'xora/acme/main/api', ...(confirmInstanceName === undefined ? {} : { confirmInstanceName }) });
      expect(status).toBe(400);
      expect(reply).toEqual({ ok: false, error: { kind: 'input', problem: { code: 'removal.not-confirmed', field: 'confirmName', instance: 'main', what: 'key' } } });
    }
    expect(app.core.vault.listKeys().map((k) => k.ref)).toContain('xora/acme/main/api');
    expect(appProblemText({ code: 'removal.not-confirmed', field: 'confirmName', instance: 'main', what: 'key' })).not.toMatch(/--/);
    expect((await app.call('key.remove', { ref: 'xora/acme/main/api', confirmInstanceName: 'main' })).status).toBe(200);
    // A sandbox key needs no name typed back.
    expect((await app.call('key.remove', { ref: 'xora/acme/dev/api' })).status).toBe(200);
    expect(app.core.vault.listKeys().map((k) => k.ref)).toEqual(['xora/acme/main/jobs']);
  });

  it('an instance that holds keys is not removed, and the problem says how many; an empty production one needs its name typed back', async () => {
    const app = appWithKeys();
    await productionAndSandbox(app);
    const held = await app.call('instance.remove', { ref: 'xora/acme/main', confirmInstanceName: 'main' });
    expect(held.reply).toEqual({ ok: false, error: { kind: 'input', problem: { code: 'instance.has-keys', ref: 'xora/acme/main', count: 2 } } });
    expect(appProblemText({ code: 'instance.has-keys', ref: 'xora/acme/main', count: 2 })).toBe('xora/acme/main still holds 2 keys: remove them first. Nothing was changed.');
    expect(cliProblemText({ code: 'instance.has-keys', ref: 'xora/acme/main', count: 2 })).toMatch(/still holds 2 keys/);
    await app.handlers['key.remove']({ ref: 'xora/acme/main/api', confirmInstanceName: 'main' });
    await app.handlers['key.remove']({ ref: 'xora/acme/main/jobs', confirmInstanceName: 'main' });
    expect((await app.call('instance.remove', { ref: 'xora/acme/main' })).reply).toMatchObject({ ok: false, error: { problem: { code: 'removal.not-confirmed', what: 'instance' } } });
    const removed = await app.call('instance.remove', { ref: 'xora/acme/main', confirmInstanceName: 'main' });
    expect(removed.reply).toMatchObject({ ok: true, result: { name: 'main', env: 'production' } });
    expect(app.core.vault.listInstances().map((i) => i.name)).toEqual(['dev']);
  });

  it('a rename keeps the key, its targets and its secret (they go by id), refuses a name taken in the instance or not a key name, and is audited', async () => {
    const app = appWithKeys();
    await productionAndSandbox(app);
    mkdirSync(join(app.home, 'svc'));
    const env = join(app.home, 'svc', '.env');
    const secret = await app.core.vault.readSecret('xora/acme/main/api');
    writeFileSync(env, `XORA=${secret}\n`);
    await app.handlers['target.add']({ ref: 'xora/acme/main/api', target: { kind: 'dotenv', file: env, variable: 'XORA' } });
    const before = app.core.vault.showKey('xora/acme/main/api');
    const renamed = await app.handlers['key.rename']({ ref: 'xora/acme/main/api', name: 'web' });
    expect(renamed).toMatchObject({ ref: 'xora/acme/main/web', id: before.id, fingerprint: before.fingerprint });
    expect(app.core.vault.listTargets('xora/acme/main/web')).toHaveLength(1);
    expect(await app.core.vault.readSecret('xora/acme/main/web')).toBe(secret);
    expect((await app.call('key.rename', { ref: 'xora/acme/main/web', name: 'jobs' })).reply).toMatchObject({ ok: false, error: { kind: 'input', problem: { code: 'key.name-taken', field: 'name', name: 'jobs' } } });
    // The same name in another instance is no clash.
    expect((await app.call('key.rename', { ref: 'xora/acme/dev/api', name: 'jobs' })).status).toBe(200);
    expect((await app.call('key.rename', { ref: 'xora/acme/main/web', name: 'not a name' })).reply).toMatchObject({ ok: false, error: { problem: { code: 'name.invalid', field: 'name' } } });
    await app.core.auditLog.flush();
    const { readAuditLog } = await import('../../../electron/core/node/audit/verify-log.js');
    expect(readAuditLog(app.core.auditLog.path).entries.filter((e) => e?.action === 'key.rename').map((e) => e?.detail)).toEqual(['xora/acme/main/api → xora/acme/main/web', 'xora/acme/dev/api → xora/acme/dev/jobs']);
  });

  it('a folder to scan that is not there is a problem naming it, never Node’s ENOENT text', async () => {
    const app = appWithKeys();
    const missing = join(app.home, 'no-such-folder');
    const { status, reply } = await app.call('scan.folder', { dir: missing });
    expect(status).toBe(400);
    expect(reply).toEqual({ ok: false, error: { kind: 'input', problem: { code: 'scan.folder-missing', path: missing, is: 'missing' } } });
    expect(appProblemText({ code: 'scan.folder-missing', path: missing, is: 'missing' })).toBe(`There is no folder ${missing}: check the path and scan again.`);
    writeFileSync(join(app.home, 'a-file'), '');
    expect((await app.call('scan.folder', { dir: join(app.home, 'a-file') })).reply).toMatchObject({ ok: false, error: { problem: { code: 'scan.folder-missing', is: 'file' } } });
  });

  it('a target file whose folder does not exist is refused with a problem naming the path', async () => {
    const app = appWithKeys();
    const file = join(app.home, 'nowhere', '.env');
    const { reply } = await app.call('target.check', { file });
    expect(JSON.stringify(reply)).not.toMatch(/ENOENT|no such file/);
    expect(reply).toMatchObject({ ok: true, result: { refusal: expect.objectContaining({ path: expect.stringContaining(join(app.home, 'nowhere')) }) } });
  });
});
