/// <reference lib="dom" />
// The renderer's numbers, measured in Debian's Chromium over browser mode (part of npm run bench).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { KeytarSecretStore } from '../../electron/core/keychain/keytar-secret-store.js';
import { startBrowserMode } from '../../electron/web/browser-mode.js';

type Record = (what: string, measured: string, target: string, ok: boolean) => void;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** The renderer in Chromium over browser mode with LIST_KEYS keys: first render, a keystroke in search, bundle size. */
export async function benchRenderer(home: string, keys: number, record: Record): Promise<void> {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the renderer failed');
  const { host, close } = await startBrowserMode({ home, secrets: new KeytarSecretStore() });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
    await page.goto(host.launchUrl);
    await page.waitForFunction(() => performance.getEntriesByName('keyturn:table-rendered').length > 0, undefined, { timeout: 30_000 });
    const firstRender = await page.evaluate(() => {
      const [received] = performance.getEntriesByName('keyturn:overview-received');
      const [rendered] = performance.getEntriesByName('keyturn:table-rendered');
      return (rendered?.startTime ?? NaN) - (received?.startTime ?? NaN);
    });
    record(`renderer: first render of ${keys} keys after the host answered (Chromium)`, `${firstRender.toFixed(0)} ms`, '< 1000 ms', firstRender < 1000);

    // A keystroke: from the key event to the list's count updated and painted.
    const search = page.getByLabel('Search keys');
    await search.click();
    const times: number[] = [];
    for (const ch of 'key-12345') {
      const before = await page.getByTestId('key-count').textContent();
      await page.evaluate("document.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, { once: true, capture: true })");
      await page.keyboard.press(ch);
      // A string, not a function: the TypeScript loader would wrap named functions in a helper the page lacks.
      const ms = (await page.evaluate(`new Promise((resolve) => {
        const el = document.querySelector('[data-testid="key-count"]');
        const finish = () => requestAnimationFrame(() => resolve(performance.now() - (window.__keyAt ?? 0)));
        if (el.textContent !== ${JSON.stringify(before)}) return finish();
        new MutationObserver((_, obs) => { obs.disconnect(); finish(); }).observe(el, { childList: true, subtree: true, characterData: true });
      })`)) as number;
      times.push(ms);
    }
    record('renderer: keystroke in the search box to the updated list (Chromium)', `${median(times).toFixed(1)} ms median, ${Math.max(...times).toFixed(1)} ms max over ${times.length} keystrokes`, '< 50 ms', Math.max(...times) < 50);
  } finally {
    await browser.close();
    await close();
  }
  const assets = 'dist/renderer/assets';
  const js = readdirSync(assets).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  const raw = js.reduce((n, f) => n + statSync(`${assets}/${f}`).size, 0);
  const gz = js.reduce((n, f) => n + gzipSync(readFileSync(`${assets}/${f}`)).length, 0);
  record('renderer production bundle (JS and CSS)', `${(raw / 1024).toFixed(0)} KiB, ${(gz / 1024).toFixed(0)} KiB gzipped`, 'reported', true);
}

