import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Keychain tests share one Secret Service; files run in parallel but each uses its own vault id.
    pool: 'forks',
    // One throwaway PostgreSQL server per run for the team-inventory tests (each file makes its own database).
    globalSetup: ['test/support/postgres-global-setup.ts'],
  },
});
