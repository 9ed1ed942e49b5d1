#!/usr/bin/env node
// Bundles the Electron shell: main and preload, one CommonJS file each in dist/electron.
// The preload must be one file: a sandboxed preload can require nothing but 'electron'.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// Electron 40 ships Node 22 and Chromium; the bundles target what that runtime runs.
const electronMajor = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version.split('.')[0];
if (Number(electronMajor) < 40) throw new Error(`expected Electron 40 or newer, found ${electronMajor}`);

rmSync('dist/electron', { recursive: true, force: true });
mkdirSync('dist/electron', { recursive: true });
// The tray's icon travels with the shell (rendered from the app icon by scripts/render-icons.mjs).
copyFileSync('build/tray.png', 'dist/electron/tray.png');
// The package is an ES module package; these two files are CommonJS.
writeFileSync('dist/electron/package.json', `${JSON.stringify({ type: 'commonjs' })}\n`);
const common = { bundle: true, format: 'cjs', target: 'node22', logLevel: 'warning', sourcemap: 'linked', legalComments: 'none' };
await build({
  ...common,
  entryPoints: { main: 'electron/main/main.ts' },
  outdir: 'dist/electron',
  platform: 'node',
  // keytar is a native addon (rebuilt for Electron by the packager); electron is the runtime itself.
  // x11 and usocket: optional modules of dbus-next that Keyturn's batch keychain read never needs.
  external: ['electron', 'keytar', 'x11', 'usocket'],
});
await build({
  ...common,
  entryPoints: { preload: 'electron/preload/preload.ts' },
  outdir: 'dist/electron',
  platform: 'node',
  external: ['electron'],
});
