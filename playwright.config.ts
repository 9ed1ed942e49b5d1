import { defineConfig } from '@playwright/test';

// The renderer in Debian's Chromium (Playwright downloads no browser here), through browser mode,
// against the real core, the real keychain (run inside scripts/with-keyring.mjs) and the emulators.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
  // One throwaway PostgreSQL server for the run (the team specs make a database of their own on it),
  // named to the tests and to the browser-mode host they start in-process by KEYTURN_TEST_POSTGRES_URL;
  // a server the variable names already is used as it is. Stopped by the teardown it returns.
  globalSetup: './test/support/postgres-global-setup.ts',
  outputDir: 'test-results/e2e',
  use: {
    viewport: { width: 1400, height: 820 },
    launchOptions: {
      executablePath: process.env.KEYTURN_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
