import { fileURLToPath } from 'node:url';
import { openAppCore } from '../app/app-core.js';
import { createHandlers } from '../app/handlers.js';
import type { SecretStore } from '../core/ports/secret-store.js';
import { startWebHost, type WebHost } from './web-host.js';

/** The built renderer, next to the sources' dist folder. */
export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** The composition root of browser mode: the real core behind the web host. */
export async function startBrowserMode(options: { home: string; secrets: SecretStore; port?: number; rendererDir?: string }): Promise<{ host: WebHost; close(): Promise<void> }> {
  const core = openAppCore(options.home, options.secrets);
  let host: WebHost | null = null;
  const handlers = createHandlers(core, {
    copy: null,
    // A page cannot learn a chosen file's path: browser mode asks for a typed one.
    pickPath: null,
    // The page opens dashboard links itself (a plain link in a new tab); the host opens nothing.
    openExternal: async () => false,
    emit: (event, payload) => host?.emit(event, payload),
  });
  host = await startWebHost({ handlers, rendererDir: options.rendererDir ?? RENDERER_DIR, port: options.port });
  const started = host;
  return {
    host: started,
    async close() {
      await started.close();
      await core.close();
    },
  };
}
