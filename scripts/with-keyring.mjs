#!/usr/bin/env node
// Runs a command with a private, real Secret Service (gnome-keyring in its own D-Bus session).
// Usage: node scripts/with-keyring.mjs -- CMD [ARGS...]
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingSystemTools } from './system-deps.mjs';

const sep = process.argv.indexOf('--');
const command = sep === -1 ? process.argv.slice(2) : process.argv.slice(sep + 1);
if (command.length === 0) {
  console.error('usage: node scripts/with-keyring.mjs -- CMD [ARGS...]');
  process.exit(2);
}
const missing = missingSystemTools(['dbus-run-session', 'gnome-keyring-daemon', 'dbus-send']);
if (missing.length > 0) {
  console.error(`keyring: missing ${missing.join(', ')}; run: sudo apt-get install -y --no-install-recommends dbus gnome-keyring libsecret-1-dev`);
  process.exit(3);
}

const root = mkdtempSync(join(tmpdir(), 'keyturn-keyring-'));
const runtime = join(root, 'runtime');
mkdirSync(runtime, { mode: 0o700 });
mkdirSync(join(root, 'data'));
const here = dirname(fileURLToPath(import.meta.url));
const child = spawn('dbus-run-session', ['--', 'bash', join(here, 'keyring-session.sh'), ...command], {
  stdio: 'inherit',
  env: {
    ...process.env,
    XDG_DATA_HOME: join(root, 'data'),
    XDG_RUNTIME_DIR: runtime,
    KEYTURN_PRIVATE_KEYRING: '1',
  },
});
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => {
  rmSync(root, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
