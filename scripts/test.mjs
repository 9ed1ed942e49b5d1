#!/usr/bin/env node
// `npm test`: every check, in the order that fails fastest. Installs the Debian packages the
// tests need when run as root; otherwise stops at once with the exact command to run.
import { spawnSync } from 'node:child_process';
import { ensureDebianPackages } from './system-deps.mjs';

const system = ensureDebianPackages();
if (!system.ok) {
  console.error(`npm test: ${system.message}`);
  process.exit(3);
}

const steps = [
  ['build the CLI', ['node', 'scripts/build-cli.mjs']],
  ['build the desktop shell', ['node', 'scripts/build-electron.mjs']],
  ['build the renderer', ['npx', 'vite', 'build', '--logLevel', 'warn']],
  ['type-check', ['npx', 'tsc', '-p', 'tsconfig.json']],
  ['type-check the renderer', ['npx', 'tsc', '-p', 'tsconfig.renderer.json']],
  ['lint', ['npx', 'eslint', '.']],
  // Doyensec's electronegativity over the Electron shell and the built page: no high-severity finding.
  ['electronegativity', ['node', 'scripts/check-electron.mjs']],
  // Unit and keychain tests share one run, inside a private D-Bus session with a real gnome-keyring.
  ['unit and keychain tests', ['node', 'scripts/with-keyring.mjs', '--', 'npx', 'vitest', 'run']],
  // The renderer in Debian's Chromium through browser mode, over the real core, keychain and emulators.
  ['end-to-end tests', ['node', 'scripts/with-keyring.mjs', '--', 'npx', 'playwright', 'test']],
];

for (const [name, [cmd, ...args]] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (${seconds} s)`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
