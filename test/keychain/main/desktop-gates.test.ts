// The desktop shell's security gates, through a stand-in for `electron` that records what main
// asked for (the Electron binary cannot run here). Each test is named for what it forbids.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallReply } from '../../../electron/contract/api.js';
import { CALL_NAMES, channelOf } from '../../../electron/contract/names.js';
import type { SecretStore } from '../../../electron/core/ports/secret-store.js';
import { app, FakeFrame, FakeWebContents, invokeEvent, recorded, RecordedEvent, type FakeBrowserWindow } from '../../support/electron-stand-in.js';
import { sampleKeys } from '../../support/keys.js';
import { privateKeychain } from '../../support/private-keychain.js';

vi.mock('electron', () => import('../../support/electron-stand-in.js'));

const { startDesktop, isFromWindow } = await import('../../../electron/main/desktop.js');
const { APP_URL } = await import('../../../electron/main/app-protocol.js');

/** The keychain, counting reads: a refused call must never reach it. */
class CountingSecrets implements SecretStore {
  reads = 0;
  constructor(private readonly inner: SecretStore) {}
  get(service: string, account: string) {
    this.reads += 1;
    return this.inner.get(service, account);
  }
  set(service: string, account: string, secret: string) {
    return this.inner.set(service, account, secret);
  }
  delete(service: string, account: string) {
    return this.inner.delete(service, account);
  }
}

const root = mkdtempSync(join(tmpdir(), 'keyturn-desktop-'));
const secrets = new CountingSecrets(privateKeychain());
let window: FakeBrowserWindow;
let desktop: Awaited<ReturnType<typeof startDesktop>>;
const secret = sampleKeys.xora();

async function call(name: string, args: unknown, event: unknown = invokeEvent(window.webContents)): Promise<CallReply<unknown>> {
  const handler = recorded.ipcHandlers.get(channelOf(name as (typeof CALL_NAMES)[number]));
  if (!handler) throw new Error(`no handler for ${name}`);
  return (await handler(event, args)) as CallReply<unknown>;
}

beforeAll(async () => {
  const renderer = join(root, 'app', 'dist', 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Keyturn</title>');
  writeFileSync(join(root, 'app', 'package.json'), '{"name":"outside the renderer"}');
  app.appPath = join(root, 'app');
  desktop = await startDesktop({ home: join(root, 'home'), secrets });
  window = recorded.windows[0] as FakeBrowserWindow;
  expect(await call('instance.add', { provider: 'xora', org: 'acme', name: 'main', env: 'production' })).toMatchObject({ ok: true });
  expect(await call('key.add', { instanceRef: 'xora/acme/main', name: 'api', secret, verify: false })).toMatchObject({ ok: true });
});
afterAll(async () => {
  await desktop.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the window', () => {
  it('never gives the page Node: context isolation and sandbox on, node integration off everywhere, no webview tag', () => {
    expect(recorded.windows).toHaveLength(1);
    const prefs = window.options.webPreferences ?? {};
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
    expect(prefs.preload).toBe(join(root, 'app', 'dist', 'electron', 'preload.js'));
  });

  it('forbids experimental web platform features and extra Blink features', () => {
    const prefs = window.options.webPreferences ?? {};
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('disableBlinkFeatures');
  });

  it('never loads remote content: only the app scheme', () => {
    expect(window.loadedUrl).toBe(APP_URL);
    expect(new URL(APP_URL).protocol).toBe('app:');
  });

  it('forbids navigation away from the app: will-navigate, will-redirect and webviews are prevented', () => {
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const listeners = window.webContents.listeners.get(event) ?? [];
      expect(listeners.length, event).toBeGreaterThan(0);
      const e = new RecordedEvent();
      for (const l of listeners) l(e, 'https://evil.example/');
      expect(e.defaultPrevented, event).toBe(true);
    }
  });

  it('forbids new windows; a provider dashboard opens in the system browser, any other URL nowhere', async () => {
    const open = window.webContents.windowOpenHandler;
    expect(open).not.toBeNull();
    recorded.openedExternally.length = 0;
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'https://xora.sh/app']) expect(open?.({ url })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(recorded.openedExternally).toEqual(['https://xora.sh/app']));
  });

  it('denies every permission the page asks for or checks, even from its own main frame', () => {
    const own = { requestingUrl: 'app://keyturn/index.html', isMainFrame: true };
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answer = vi.fn();
      recorded.permissionRequestHandler?.({}, permission, answer, own);
      expect(answer, permission).toHaveBeenCalledWith(false);
      expect(recorded.permissionCheckHandler?.({}, permission, 'app://keyturn', own), permission).toBe(false);
    }
    expect(recorded.devicePermissionHandler?.({})).toBe(false);
  });

  it('lets only the app page itself write text to the clipboard (Copy reference): never another origin or a subframe', () => {
    const ask = (details: { requestingUrl?: string; isMainFrame?: boolean }) => {
      const answer = vi.fn();
      recorded.permissionRequestHandler?.({}, 'clipboard-sanitized-write', answer, details);
      return { requested: answer.mock.calls[0]?.[0], checked: recorded.permissionCheckHandler?.({}, 'clipboard-sanitized-write', details.requestingUrl ?? '', details) };
    };
    expect(ask({ requestingUrl: 'app://keyturn/index.html', isMainFrame: true })).toEqual({ requested: true, checked: true });
    expect(ask({ requestingUrl: 'app://keyturn/index.html', isMainFrame: false })).toEqual({ requested: false, checked: false });
    expect(ask({ requestingUrl: 'https://evil.example/', isMainFrame: true })).toEqual({ requested: false, checked: false });
    expect(ask({})).toEqual({ requested: false, checked: false });
  });
});

describe('the app scheme', () => {
  const serve = (url: string, method = 'GET') => {
    const handler = recorded.protocolHandlers.get('app');
    if (!handler) throw new Error('no app scheme handler');
    return handler(new Request(url, { method }));
  };

  it('serves the renderer with the strict CSP: no inline script, no eval, no remote origin', async () => {
    const response = await serve('app://keyturn/index.html');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('never serves a file outside the renderer folder, another host, or anything but GET', async () => {
    expect((await serve('app://keyturn/../package.json')).status).toBe(404);
    expect((await serve('app://keyturn/%2e%2e/package.json')).status).toBe(404);
    expect((await serve('app://elsewhere/index.html')).status).toBe(404);
    expect((await serve('app://keyturn/index.html', 'POST')).status).toBe(405);
  });
});

describe('IPC', () => {
  it('registers exactly the contract: one handler per call, no channel of its own', () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(CALL_NAMES.map(channelOf).sort());
    expect([...recorded.ipcListeners.keys()]).toEqual([]);
  });

  it('refuses a call from another web contents, a subframe or a page not of the app, before the keychain is read', async () => {
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = APP_URL;
    const subframe = new FakeFrame(APP_URL);
    const remote = new FakeWebContents();
    remote.mainFrame.url = 'https://evil.example/';
    const before = secrets.reads;
    for (const event of [invokeEvent(stranger), invokeEvent(window.webContents, subframe), invokeEvent(window.webContents, null)]) {
      expect(await call('key.reveal', { ref: 'xora/acme/main/api' }, event)).toMatchObject({ ok: false, error: { kind: 'failure' } });
    }
    expect(isFromWindow(invokeEvent(remote) as unknown as IpcMainInvokeEvent, { webContents: remote } as unknown as BrowserWindow)).toBe(false);
    expect(secrets.reads).toBe(before);
  });

  it('refuses arguments that break the contract before core runs, saying what is wrong', async () => {
    const before = secrets.reads;
    expect(await call('key.reveal', { ref: 'xora/acme/main/api', extra: true })).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(await call('key.reveal', { ref: 42 })).toMatchObject({ ok: false, error: { kind: 'input', problem: { code: 'call.invalid-arguments', path: 'ref' } } });
    expect(await call('key.verify', { refs: 'everything' })).toMatchObject({ ok: false, error: { kind: 'input' } });
    expect(secrets.reads).toBe(before);
  });

  it('answers the app window, and only an explicit reveal carries the secret', async () => {
    const overview = await call('vault.overview', {});
    expect(JSON.stringify(overview)).not.toContain(secret);
    expect(await call('key.reveal', { ref: 'xora/acme/main/api' })).toMatchObject({ ok: true, result: { secret } });
  });
});

describe('the host side', () => {
  it('never opens a URL that is not a provider dashboard', async () => {
    recorded.openedExternally.length = 0;
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'https://user:pw@xora.sh/app', 'javascript:alert(1)']) {
      const reply = await call('dashboard.open', { url });
      expect(reply, url).not.toMatchObject({ ok: true, result: { opened: true } });
    }
    expect(recorded.openedExternally).toEqual([]);
    expect(await call('dashboard.open', { url: 'https://xora.sh/app/keys' })).toEqual({ ok: true, result: { opened: true } });
    expect(recorded.openedExternally).toEqual(['https://xora.sh/app/keys']);
  });

  it('never hands a copied secret to the page: main writes the clipboard and says when it clears it', async () => {
    recorded.clipboardText = '';
    const reply = await call('key.copy', { ref: 'xora/acme/main/api' });
    expect(reply).toEqual({ ok: true, result: { by: 'host', clearsAfterSeconds: 30 } });
    expect(recorded.clipboardText).toBe(secret);
  });

  it('offers Emergency revoke in the menu on Ctrl/Cmd+Shift+R, and no reload or developer tools', () => {
    const items = (recorded.applicationMenu?.template ?? []).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const emergency = items.find((i) => i.label === 'Emergency revoke…');
    expect(emergency?.accelerator).toBe('CmdOrCtrl+Shift+R');
    window.webContents.sent.length = 0;
    (emergency?.click as (() => void) | undefined)?.();
    expect(window.webContents.sent).toEqual([{ channel: channelOf('emergency.open'), payload: {} }]);
    expect(items.map((i) => i.role)).not.toContain('reload');
    expect(items.map((i) => i.role)).not.toContain('toggleDevTools');
  });

  it('offers Emergency revoke from the tray too, bringing the window up', () => {
    const tray = recorded.trays.at(-1);
    const item = tray?.contextMenu?.template.find((i) => i.label === 'Emergency revoke…');
    window.webContents.sent.length = 0;
    (item?.click as (() => void) | undefined)?.();
    expect(window.webContents.sent).toEqual([{ channel: channelOf('emergency.open'), payload: {} }]);
  });

  it('gives the page the native file dialog only through the contract, and a cancelled dialog picks nothing', async () => {
    recorded.dialogAnswer = { canceled: true, filePaths: [] };
    expect(await call('path.pick', { kind: 'env-file' })).toEqual({ ok: true, result: { available: true, path: null } });
    recorded.dialogAnswer = { canceled: false, filePaths: ['/srv/app/.env'] };
    expect(await call('path.pick', { kind: 'env-file' })).toEqual({ ok: true, result: { available: true, path: '/srv/app/.env' } });
  });
});
