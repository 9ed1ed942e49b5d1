import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { openAppCore, type AppCore } from '../../electron/app/app-core.js';
import type { Clock } from '../../electron/core/ports/clock.js';
import { KeytarSecretStore } from '../../electron/core/node/keychain/keytar-secret-store.js';
import { startBrowserMode } from '../../electron/web/browser-mode.js';
import { startAllEmulators, type AllEmulators } from '../emulators/index.js';

export interface Keyturn {
  home: string;
  emulators: AllEmulators;
  /** Core on the same vault, for setting a scene the test is not about. */
  seed<T>(work: (core: AppCore) => Promise<T>, clock?: Clock): Promise<T>;
  /** Starts (or restarts) the host and opens the app in the page; a clock stands in for the system's. */
  launch(options?: { clock?: Clock }): Promise<void>;
  stopHost(): Promise<void>;
  shot(name: string): Promise<void>;
}

export const test = base.extend<{ keyturn: Keyturn }>({
  keyturn: async ({ page }, use) => {
    if (process.env.KEYTURN_PRIVATE_KEYRING !== '1') throw new Error('run end-to-end tests through npm test (they need the private test keyring)');
    const home = mkdtempSync(join(tmpdir(), 'keyturn-e2e-'));
    const emulators = await startAllEmulators();
    const secrets = new KeytarSecretStore();
    const running: { stop: (() => Promise<void>) | null } = { stop: null };
    const keyturn: Keyturn = {
      home,
      emulators,
      async seed(work, clock) {
        const core = openAppCore(home, { name: 'the e2e seed', secrets, ...(clock ? { clock } : {}) });
        try {
          return await work(core);
        } finally {
          await core.close();
        }
      },
      async launch(options = {}) {
        await running.stop?.();
        const started = await startBrowserMode({ home, secrets, clock: options.clock });
        running.stop = started.close;
        await page.goto(started.host.launchUrl);
        await expect(page.getByRole('heading', { name: 'Keyturn' })).toBeVisible();
      },
      async stopHost() {
        await running.stop?.();
        running.stop = null;
      },
      async shot(name) {
        mkdirSync('test-results/screenshots', { recursive: true });
        await page.screenshot({ path: `test-results/screenshots/${name}.png` });
      },
    };
    await use(keyturn);
    await running.stop?.();
    await emulators.close();
    rmSync(home, { recursive: true, force: true });
  },
});

export { expect };
export type { Page };
