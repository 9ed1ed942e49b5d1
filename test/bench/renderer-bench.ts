/// <reference lib="dom" />
// The renderer's numbers, measured in Debian's Chromium over browser mode (part of npm run bench).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { KeytarSecretStore } from '../../electron/core/node/keychain/keytar-secret-store.js';
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
      return { afterAnswer: (rendered?.startTime ?? NaN) - (received?.startTime ?? NaN), fromNavigation: rendered?.startTime ?? NaN };
    });
    record(`renderer: first render of ${keys} keys after the host answered (Chromium)`, `${firstRender.afterAnswer.toFixed(0)} ms (${firstRender.fromNavigation.toFixed(0)} ms from navigation start)`, '< 1000 ms', firstRender.afterAnswer < 1000);

    // Virtualized means few rows in the DOM: a layout that lets the scroller grow to its content renders all of them.
    const rowsInDom = await page.getByTestId('key-rows').getByRole('row').count();
    record(`renderer: rows in the DOM with ${keys} keys (virtualized)`, `${rowsInDom}`, '< 100', rowsInDom < 100);

    // A keystroke: from the key going down to the first frame after React committed the filtered list.
    const search = page.getByLabel('Search keys');
    await search.click();
    const times: number[] = [];
    for (const ch of 'key-1234') {
      // Armed before the key goes down. React flushes a discrete input's update in a microtask queued
      // by its root listener, which runs before this window listener's microtask; the frame after
      // that is the one that shows the updated list.
      await page.evaluate(`(() => {
        window.__done = null;
        window.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, { once: true, capture: true });
        window.addEventListener('input', () => queueMicrotask(() => requestAnimationFrame(() => { window.__done = performance.now() - window.__keyAt; })), { once: true });
      })()`);
      await page.keyboard.press(ch);
      // A function, not a string: a string predicate is compiled in the page, which its CSP forbids
      // (it passes only when already true at the first poll). Anonymous, so the TypeScript loader adds no helper.
      const handle = await page.waitForFunction(() => (window as unknown as { __done: number | null }).__done);
      times.push((await handle.jsonValue()) as number);
    }
    const expected = await page.evaluate(`document.querySelector('input[aria-label="Search keys"]').value`);
    if (expected !== 'key-1234') throw new Error(`the search box holds ${String(expected)}, not what was typed`);
    const shown = await page.getByTestId('key-count').textContent();
    if (shown?.trim() !== '1 key') throw new Error(`after typing key-1234 the list shows ${shown ?? 'nothing'}, not the one key`);
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

