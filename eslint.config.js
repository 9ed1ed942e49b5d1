// Lint: TypeScript rules plus the layering of the house, checked on every import.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/** The floors, bottom up. Each may import only from the floors its policy names. */
const elements = [
  { type: 'core', pattern: 'electron/core/**', partialMatch: false },
  { type: 'contract', pattern: 'electron/contract/**', partialMatch: false },
  { type: 'app', pattern: 'electron/app/**', partialMatch: false },
  { type: 'main', pattern: 'electron/main/**', partialMatch: false },
  { type: 'preload', pattern: 'electron/preload/**', partialMatch: false },
  { type: 'web', pattern: 'electron/web/**', partialMatch: false },
  { type: 'cli', pattern: 'electron/cli/**', partialMatch: false },
  { type: 'renderer', pattern: 'renderer/**', partialMatch: false },
  { type: 'test', pattern: 'test/**', partialMatch: false },
];

const allow = (from, to) => ({ from: { element: { type: from } }, allow: { to: { element: { types: { anyOf: to } } } } });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'test-results/**', 'playwright-report/**', '.keyturn-demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'test/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['electron/**/*', 'renderer/**/*', 'test/**/*'],
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            allow('core', ['core']),
            allow('contract', ['contract', 'core']),
            allow('app', ['app', 'contract', 'core']),
            allow('main', ['main', 'app', 'contract', 'core']),
            allow('preload', ['preload', 'contract']),
            allow('web', ['web', 'app', 'contract', 'core']),
            allow('cli', ['cli', 'web', 'app', 'contract', 'core']),
            allow('renderer', ['renderer', 'contract']),
            allow('test', ['test', 'core', 'contract', 'app', 'main', 'preload', 'web', 'cli', 'renderer']),
          ],
        },
      ],
    },
  },
  {
    // Plain Node: core never sees Electron, whatever the path it comes through.
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'electron/core is plain Node: Electron belongs in electron/main.' }] }] },
  },
  {
    // Core reports warnings as problems through its logger port (ports/logger.ts); each host shows them.
    files: ['electron/core/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Only the shell and the bridge run inside Electron; everything else must run without it.
    files: ['electron/{contract,app,web,cli}/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'only electron/main and electron/preload run in Electron.' }] }] },
  },
  {
    // The bridge stays a few lines: the channel names and nothing heavier (no schemas, no core).
    files: ['electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./contract/(?!names\\.js$)', message: 'the preload imports contract/names.js only.' }] }] },
  },
);
