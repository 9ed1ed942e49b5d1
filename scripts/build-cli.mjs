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

rmSync('dist/cli', { recursive: true, force: true });
const result = await build({
  entryPoints: { keyturn: 'electron/cli/main.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  minify: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // keytar is a native addon: it stays a real module next to its .node file. x11 and usocket are
  // optional modules of dbus-next, required only to find a bus from an X display or to open an
  // abstract socket; Keyturn passes the bus address, and without usocket a batch read falls back to
  // reading key by key.
  external: ['keytar', 'electron', 'x11', 'usocket'],
  banner: { js: "import { createRequire as __keyturnCreateRequire } from 'node:module'; const require = __keyturnCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  sourcemap: 'linked',
  plugins: [withoutZodLocales],
  metafile: true,
});
// Which sources each output file holds: how a test tells what a command loads.
writeFileSync('dist/cli/meta.json', JSON.stringify(result.metafile));
