#!/usr/bin/env node
// Bundles the `keyturn` CLI so it starts fast: node on a few files, no TypeScript at run time, and
// the large modules (HTTP client, terminal prompts) split out and loaded only by commands that use them.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/cli', { recursive: true, force: true });
await build({
  entryPoints: { keyturn: 'electron/cli/main.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  minify: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // keytar is a native addon: it stays a real module next to its .node file.
  external: ['keytar', 'electron'],
  banner: { js: "import { createRequire as __keyturnCreateRequire } from 'node:module'; const require = __keyturnCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  sourcemap: 'linked',
});
