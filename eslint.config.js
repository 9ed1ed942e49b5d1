// Lint: TypeScript rules plus the layering of the house, checked on every import.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/**
 * The floors, bottom up. Each may import only from the floors its policy names. Core is two: what
 * needs Node (files, processes, the keychain's addon, the HTTP client) lives in electron/core/node/,
 * the rest of core is pure and never imports it. The first pattern that matches a file decides.
 */
const elements = [
  { type: 'core-node', pattern: 'electron/core/node/**', partialMatch: false },
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


/** Node's own modules, with and without the node: prefix. */
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
/** Packages that run only in Node: native addons, file and process access, Node's HTTP stack. */
const NODE_ONLY_PACKAGES = ['keytar', 'undici', 'conf', 'electron-store', 'dbus-next', 'proper-lockfile', 'write-file-atomic', 'ical.js', 'env-paths'];
const noElectron = (message) => ({ name: 'electron', message });
const nodeOnly = (why) => [
  ...NODE_ONLY_PACKAGES.map((name) => ({ name, message: `${name} runs only in Node: ${why}` })),
  ...NODE_BUILTINS.filter((name) => name !== 'crypto').flatMap((name) => [name, `node:${name}`]).map((name) => ({ name, message: `${name} is Node's: ${why}` })),
];
/** A package's own files (`undici/lib/…`): as Node-only as the package. */
const nodeOnlySubpaths = (message) => ({ group: NODE_ONLY_PACKAGES.map((name) => `${name}/*`), message });
const NODE_MODULE_SOURCE = `/^(node:.*|${[...NODE_BUILTINS.filter((name) => name !== 'crypto'), ...NODE_ONLY_PACKAGES].map((n) => n.replace(/[./]/g, '\\$&')).join('|')})(\\/.*)?$/`;
/** `import('node:fs')` is as much an import as a static one. */
const noDynamicNodeImport = (why) => ['error', { selector: `ImportExpression[source.value=${NODE_MODULE_SOURCE}]`, message: `a Node module: ${why}` }];
/** Node's globals: a file that uses them needs Node as surely as one that imports node:fs. */
const noNodeGlobals = (why) => ['error', { name: 'Buffer', message: `Buffer is Node's: ${why}` }, { name: 'process', message: `process is Node's: ${why}` }, { name: 'require', message: `require is Node's: ${why}` }];

/** The Node part of core, by path, whichever folder the import comes from. */
const CORE_NODE_PATTERN = { regex: '(^|/)core/node/', message: 'electron/core/node/ is the Node part of core: the contract and the renderer run in Chromium too (types included: a type import still ties the file to it).' };

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
            allow('core-node', ['core-node', 'core']),
            allow('contract', ['contract', 'core']),
            allow('app', ['app', 'contract', 'core', 'core-node']),
            allow('main', ['main', 'app', 'contract', 'core', 'core-node']),
            allow('preload', ['preload', 'contract']),
            allow('web', ['web', 'app', 'contract', 'core', 'core-node']),
            allow('cli', ['cli', 'web', 'app', 'contract', 'core', 'core-node']),
            allow('renderer', ['renderer', 'contract']),
            allow('test', ['test', 'core', 'core-node', 'contract', 'app', 'main', 'preload', 'web', 'cli', 'renderer']),
          ],
        },
      ],
    },
  },
  {
    // The Node part of core: plain Node, never Electron, whatever the path it comes through.
    files: ['electron/core/node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron('electron/core is plain Node: Electron belongs in electron/main.')] }] },
  },
  {
    // The pure part of core: no Electron, no Node module, no Node-only package (they belong in
    // electron/core/node/). node:crypto gives it hashes and ids only: computations of their input,
    // with no file, process or handle (the fingerprint, a tag in a derived name, a fresh id).
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/node/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noElectron('electron/core is plain Node: Electron belongs in electron/main.'),
            ...nodeOnly('pure core takes it through a port; the adapter belongs in electron/core/node/.'),
            { name: 'node:crypto', allowImportNames: ['createHash', 'randomUUID'], message: 'pure core takes only hashes and ids from node:crypto (createHash, randomUUID).' },
            { name: 'crypto', message: 'write node:crypto (createHash, randomUUID only, in pure core).' },
          ],
          patterns: [nodeOnlySubpaths('pure core takes it through a port; the adapter belongs in electron/core/node/.')],
        },
      ],
      'no-restricted-syntax': noDynamicNodeImport('pure core takes it through a port; the adapter belongs in electron/core/node/.'),
      'no-restricted-globals': noNodeGlobals('pure core gets what it needs through a port; code that needs Node belongs in electron/core/node/.'),
    },
  },
  {
    // Core reports warnings as problems through its logger port (ports/logger.ts); each host shows them.
    files: ['electron/core/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Only the shell and the bridge run inside Electron; everything else must run without it.
    files: ['electron/{app,web,cli}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron('only electron/main and electron/preload run in Electron.')] }] },
  },
  {
    // The contract and the renderer run in Chromium as well (the renderer bundles the contract): no
    // Electron, nothing of Node, and not the Node part of core, not even its types.
    files: ['electron/contract/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron('only electron/main and electron/preload run in Electron.'), ...nodeOnly('the contract and the renderer run in Chromium too.'), { name: 'crypto', message: 'the contract and the renderer run in Chromium too.' }, { name: 'node:crypto', message: 'the contract and the renderer run in Chromium too.' }],
          patterns: [CORE_NODE_PATTERN, nodeOnlySubpaths('the contract and the renderer run in Chromium too.')],
        },
      ],
      'no-restricted-syntax': noDynamicNodeImport('the contract and the renderer run in Chromium too.'),
      'no-restricted-globals': noNodeGlobals('the contract and the renderer run in Chromium too.'),
    },
  },
  {
    // The bridge stays a few lines: the channel names and nothing heavier (no schemas, no core).
    files: ['electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./contract/(?!names\\.js$)', message: 'the preload imports contract/names.js only.' }] }] },
  },
);
