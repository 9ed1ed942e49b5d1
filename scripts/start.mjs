#!/usr/bin/env node
// `npm start`: the desktop app where Electron's binary is installed; elsewhere one line saying so,
// then the same app in browser mode (the renderer and the contract on 127.0.0.1 behind a launch token).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitAs } from './exit-as.mjs';

const require = createRequire(import.meta.url);

/** The electron package exports its binary's path, and throws when the binary was never downloaded. */
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Whether this session has a keychain keytar can use (a Secret Service on the session bus, or the OS's own). */
function keychainReachable() {
  const probe = spawnSync(process.execPath, ['-e', "require('keytar').findCredentials('keyturn-start-probe').then(() => process.exit(0), () => process.exit(1))"], { timeout: 10_000, stdio: 'ignore' });
  return probe.status === 0;
}

/**
 * Runs the app and ends with it. Every signal that stops the launcher is passed on (a terminal's
 * Ctrl+C already reached the whole foreground job, so it is not sent twice); the launcher waits for
 * the app (which stops what it started: with-keyring stops its keyring and bus after the app), and
 * only then removes the temporary vault.
 */
function run(cmd, args, cleanUp = () => undefined) {
  const child = spawn(cmd, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (signal !== 'SIGINT' || !process.stdin.isTTY) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => {
    cleanUp();
    exitAs({ code, signal }); // an app killed by a signal is not a success: the launcher ends by the same signal
  });
}

for (const [built, script] of [['dist/cli/keyturn.mjs', 'scripts/build-cli.mjs'], ['dist/electron/main.js', 'scripts/build-electron.mjs']]) {
  if (!existsSync(built)) spawnSync(process.execPath, [script], { stdio: 'inherit' });
}
if (!existsSync('dist/renderer/index.html')) spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });

const binary = electronBinary();
if (binary) {
  run(binary, ['.']);
} else {
  console.log("Keyturn: Electron's binary is not installed on this machine, so the app runs in browser mode instead.");
  if (keychainReachable()) {
    run(process.execPath, ['bin/keyturn.mjs', 'web']);
  } else {
    // Without a keychain there is nowhere safe to keep secrets: a private keyring and a vault that
    // both last for this run only, rather than a vault whose secrets vanish with a temporary keyring.
    const home = mkdtempSync(join(tmpdir(), 'keyturn-try-'));
    console.log(`Keyturn: no keychain (Secret Service) in this session; using a private one and a vault in ${home} for this run only.`);
    run(process.execPath, ['scripts/with-keyring.mjs', '--', process.execPath, 'bin/keyturn.mjs', '--home', home, 'web'], () => rmSync(home, { recursive: true, force: true }));
  }
}
