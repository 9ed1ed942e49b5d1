import { fileURLToPath } from 'node:url';
import { openAppCore } from '../app/app-core.js';
import { createHandlers } from '../app/handlers.js';
import { startSchedules } from '../app/schedules.js';
import type { EventPayloads } from '../contract/contract.js';
import type { Clock } from '../core/ports/clock.js';
import type { SecretStore } from '../core/ports/secret-store.js';
import type { Notifier } from '../core/ports/notifier.js';
import { startWebHost, type WebHost, type WebHostTimeouts } from './web-host.js';

/** The built renderer, next to the sources' dist folder. */
export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/**
 * Browser mode's stand-in for OS notifications: reminders go to the page as events. One fired
 * before any page is connected (at launch) waits for the first page, since it is already marked fired.
 */
function pageNotifier(): Notifier & { attach(send: (payload: EventPayloads['reminder.fired']) => void): void } {
  let send: ((payload: EventPayloads['reminder.fired']) => void) | null = null;
  const waiting: EventPayloads['reminder.fired'][] = [];
  return {
    notify: (reminder) => {
      const payload = { ref: reminder.ref, title: reminder.title, body: reminder.body };
      if (send) send(payload);
      else waiting.push(payload);
    },
    setAttentionCount: () => undefined,
    attach(next) {
      send = next;
      for (const payload of waiting.splice(0)) next(payload);
    },
  };
}

/** The composition root of browser mode: the real core behind the web host. */
export async function startBrowserMode(options: { home: string; secrets: SecretStore; port?: number; rendererDir?: string; clock?: Clock; timeouts?: WebHostTimeouts }): Promise<{ host: WebHost; close(): Promise<void> }> {
  const notifier = pageNotifier();
  const core = openAppCore(options.home, { name: 'browser mode', secrets: options.secrets, notifier, ...(options.clock ? { clock: options.clock } : {}) });
  let host: WebHost | null = null;
  const handlers = createHandlers(core, {
    copy: null,
    // A page cannot learn a chosen file's path: browser mode asks for a typed one.
    pickPath: null,
    // The page opens dashboard links itself (a plain link in a new tab); the host opens nothing.
    openExternal: async () => false,
    emit: (event, payload) => host?.emit(event, payload),
  });
  host = await startWebHost({
    handlers,
    rendererDir: options.rendererDir ?? RENDERER_DIR,
    port: options.port,
    timeouts: options.timeouts,
    onEventStream: () => notifier.attach((payload) => host?.emit('reminder.fired', payload)),
  });
  const schedules = startSchedules(core, core.reminders);
  const started = host;
  return {
    host: started,
    async close() {
      await schedules.stop();
      await started.close();
      await core.close();
    },
  };
}
