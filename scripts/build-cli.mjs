#!/usr/bin/env node
// Bundles the `keyturn` CLI so it starts fast: node on a few files, no TypeScript at run time, and
// the large modules (HTTP client, terminal prompts) split out and loaded only by commands that use them
// (each command module is imported only when it is the one run: see electron/cli/command-modules.ts).
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * zod's namespace export carries every locale's messages (about 260 KB, nearly half of zod), which
 * node would parse at every start. Keyturn never switches zod's locale, and zod registers English
 * itself from its own file, so the bundle gets an empty list of the others.
 */
const withoutZodLocales = {
  name: 'without-zod-locales',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) => (/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'without-zod-locales' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'without-zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * The entry (dist/cli/keyturn.mjs) is built apart, as one file: for `key get` it is the whole
 * program (esbuild's chunks cost a resolve, a read and a compile each, and the split build shares
 * them out among many). What it imports only off that path stays in the split build, as files of
 * their own: the whole CLI for any other command, `keyturn run` (dist/cli/keyturn-run.mjs, itself one
 * file: the command it starts waits for it), and the metadata store for a vault.json the last
 * write did not check (it throws no error the entry tells apart by class, so two copies are safe).
 */
const OUTSIDE_THE_ENTRY = { './main.js': './keyturn-all.mjs', './metadata-parts.js': './metadata-parts.mjs', './run-main.js': './keyturn-run.mjs', './scan-hook-main.js': './keyturn-scan-hook.mjs' };
const splitBuildOutside = {
  name: 'split-build-outside',
  setup(build) {
    build.onResolve({ filter: /^\.\/(main|metadata-parts|run-main|scan-hook-main)\.js$/ }, (args) =>
      /[\\/]electron[\\/]cli[\\/](entry|context)\.ts$/.test(args.importer) ? { path: OUTSIDE_THE_ENTRY[args.path], external: true } : undefined,
    );
    // A hook's scan reads a vault.json the last write did not check through the store, loaded then only.
    build.onResolve({ filter: /^\.\.\/metadata-parts\.js$/ }, (args) =>
      /[\\/]electron[\\/]cli[\\/]scan[\\/]hook-host\.ts$/.test(args.importer) ? { path: OUTSIDE_THE_ENTRY['./metadata-parts.js'], external: true } : undefined,
    );
    // The batch read over D-Bus (dbus-next and its XML parser, ~300 KB) is imported only by a
    // verify of many keys: never inlined into the entry that `key get` parses.
    build.onResolve({ filter: /^\.\/secret-service-batch\.js$/ }, () => ({ path: './secret-service-batch.mjs', external: true }));
    // The terminal's wording of every problem is read only when a run has one to report.
    build.onResolve({ filter: /^\.\/problems\/wordings\.js$/ }, (args) =>
      /[\\/]electron[\\/]cli[\\/]run-program\.ts$/.test(args.importer) ? { path: './problem-wordings.mjs', external: true } : undefined,
    );
  },
};

const common = {
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // keytar is a native addon: it stays a real module next to its .node file. x11 and usocket are
  // optional modules of dbus-next, required only to find a bus from an X display or to open an
  // abstract socket; Keyturn passes the bus address, and without usocket a batch read falls back to
  // reading key by key.
  // node-pty is a native addon too, imported only when `keyturn run` runs its command under a
  // pseudo-terminal.
  external: ['keytar', 'electron', 'x11', 'usocket', 'node-pty'],
  // CommonJS packages bundled into ESM expect require, __filename and __dirname (write-file-atomic
  // names its temporary files from __filename): each output file gets its own.
  banner: {
    js: "import { createRequire as __keyturnCreateRequire } from 'node:module'; import { fileURLToPath as __keyturnFileURLToPath } from 'node:url'; import { dirname as __keyturnDirname } from 'node:path'; const require = __keyturnCreateRequire(import.meta.url); const __filename = __keyturnFileURLToPath(import.meta.url); const __dirname = __keyturnDirname(__filename);",
  },
  logLevel: 'warning',
  sourcemap: 'linked',
  plugins: [withoutZodLocales],
  metafile: true,
};

rmSync('dist/cli', { recursive: true, force: true });
const [whole, entry, run, hook] = await Promise.all([
  build({
    ...common,
    entryPoints: { 'keyturn-all': 'electron/cli/main.ts', 'metadata-parts': 'electron/cli/metadata-parts.ts', 'secret-service-batch': 'electron/core/node/keychain/secret-service-batch.ts', 'problem-wordings': 'electron/cli/problems/wordings.ts' },
    splitting: true,
  }),
  build({ ...common, entryPoints: { keyturn: 'electron/cli/entry.ts' }, splitting: false, plugins: [...common.plugins, splitBuildOutside] }),
  // `keyturn run`, a whole program in one file beside the entry (its own copy of what it shares
  // with the entry: nothing crosses between the two but the import that starts it).
  build({ ...common, entryPoints: { 'keyturn-run': 'electron/cli/run-main.ts' }, splitting: false, plugins: [...common.plugins, splitBuildOutside] }),
  // `keyturn scan --staged` / `--pushed`, what git hooks run: one file too, for the same reason.
  build({ ...common, entryPoints: { 'keyturn-scan-hook': 'electron/cli/scan-hook-main.ts' }, splitting: false, plugins: [...common.plugins, splitBuildOutside] }),
]);
// Which sources each output file holds: how a test tells what a command loads.
writeFileSync('dist/cli/meta.json', JSON.stringify({ inputs: { ...whole.metafile.inputs, ...entry.metafile.inputs, ...run.metafile.inputs, ...hook.metafile.inputs }, outputs: { ...whole.metafile.outputs, ...entry.metafile.outputs, ...run.metafile.outputs, ...hook.metafile.outputs } }));
