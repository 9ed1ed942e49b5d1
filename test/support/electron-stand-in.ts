// A stand-in for the `electron` module that records what main and the preload asked of it.
// The Electron binary cannot run here; these records are how the gate tests see main's choices.
import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';

type Listener = (...args: unknown[]) => unknown;

/** An event as Electron hands it to a listener: the test reads whether it was prevented. */
export class RecordedEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((l) => l(...args));
  }
}

export class FakeFrame {
  constructor(public url: string) {}
}

export class FakeWebContents extends Emitter {
  readonly mainFrame = new FakeFrame('');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: { channel: string; payload: unknown }[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

export const recorded = {
  windows: [] as FakeBrowserWindow[],
  ipcHandlers: new Map<string, Listener>(),
  ipcListeners: new Map<string, Listener>(),
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  devicePermissionHandler: null as Listener | null,
  openedExternally: [] as string[],
  clipboardText: '',
  applicationMenu: null as { template: MenuItemConstructorOptions[] } | null,
  exposedInMainWorld: new Map<string, unknown>(),
  invoked: [] as { channel: string; args: unknown }[],
  rendererListeners: new Map<string, Listener[]>(),
  dialogAnswer: { canceled: true, filePaths: [] as string[] },
  notifications: [] as FakeNotification[],
  trays: [] as FakeTray[],
  badgeCount: null as number | null,
};

export class FakeBrowserWindow extends Emitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    recorded.windows.push(this);
    // As Electron does: every new web contents is announced to the app before anything loads.
    app.emit('web-contents-created', new RecordedEvent(), this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
}

export class FakeNotification extends Emitter {
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
    recorded.notifications.push(this);
  }
  static isSupported(): boolean {
    return true;
  }
  show(): void {
    this.shown = true;
  }
}

export const Notification = FakeNotification;

export class FakeTray extends Emitter {
  toolTip = '';
  contextMenu: { template: MenuItemConstructorOptions[] } | null = null;
  constructor(readonly image: { path: string }) {
    super();
    recorded.trays.push(this);
  }
  setToolTip(text: string): void {
    this.toolTip = text;
  }
  setTitle(): void {}
  setContextMenu(menu: { template: MenuItemConstructorOptions[] }): void {
    this.contextMenu = menu;
  }
}

export const Tray = FakeTray;
export const nativeImage = { createFromPath: (path: string) => ({ path }) };
export const powerMonitor = new Emitter();

class FakeApp extends Emitter {
  isPackaged = false;
  quitCalled = false;
  /** Where the packaged app's files would be; a test points it at a folder of its own. */
  appPath = process.cwd();
  async whenReady(): Promise<void> {}
  getAppPath(): string {
    return this.appPath;
  }
  setBadgeCount(count: number): boolean {
    recorded.badgeCount = count;
    return true;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  quit(): void {
    this.quitCalled = true;
  }
  exit(): void {
    this.quitCalled = true;
  }
}

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;

export const ipcMain = {
  handle(channel: string, handler: Listener): void {
    if (recorded.ipcHandlers.has(channel)) throw new Error(`a second handler for ${channel}`);
    recorded.ipcHandlers.set(channel, handler);
  },
  on(channel: string, listener: Listener): void {
    recorded.ipcListeners.set(channel, listener);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    recorded.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    recorded.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: Listener): void {
      recorded.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener): void {
      recorded.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: Listener): void {
      recorded.devicePermissionHandler = handler;
    },
  },
};

export const shell = {
  async openExternal(url: string): Promise<void> {
    recorded.openedExternally.push(url);
  },
};

export const clipboard = {
  readText: (): string => recorded.clipboardText,
  writeText: (text: string): void => {
    recorded.clipboardText = text;
  },
};

export const dialog = {
  async showOpenDialog(): Promise<{ canceled: boolean; filePaths: string[] }> {
    return recorded.dialogAnswer;
  },
};

export const Menu = {
  buildFromTemplate(template: MenuItemConstructorOptions[]): { template: MenuItemConstructorOptions[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: MenuItemConstructorOptions[] }): void {
    recorded.applicationMenu = menu;
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    recorded.exposedInMainWorld.set(key, api);
  },
};

export const ipcRenderer = {
  async invoke(channel: string, args: unknown): Promise<unknown> {
    recorded.invoked.push({ channel, args });
    return { ok: true, result: null };
  },
  on(channel: string, listener: Listener): void {
    recorded.rendererListeners.set(channel, [...(recorded.rendererListeners.get(channel) ?? []), listener]);
  },
  removeListener(channel: string, listener: Listener): void {
    recorded.rendererListeners.set(channel, (recorded.rendererListeners.get(channel) ?? []).filter((l) => l !== listener));
  },
};

/** An IPC invoke as Electron delivers it to main: from which web contents and which frame. */
export function invokeEvent(sender: FakeWebContents, frame: FakeFrame | null = sender.mainFrame): { sender: FakeWebContents; senderFrame: FakeFrame | null } {
  return { sender, senderFrame: frame };
}

export default { app, BrowserWindow, ipcMain, protocol, session, shell, clipboard, dialog, Menu, contextBridge, ipcRenderer, Notification, powerMonitor, Tray, nativeImage };
