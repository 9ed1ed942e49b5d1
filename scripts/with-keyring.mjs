#!/usr/bin/env node
// Runs a command with a private, real Secret Service: gnome-keyring, unlocked, on a D-Bus session
// bus of its own, both with their data in a temporary folder, so the user's own keyring is never
// touched. Usage: node scripts/with-keyring.mjs -- CMD [ARGS...]
//
// Whatever ends it — the command exiting, SIGINT, SIGTERM or SIGHUP — stops everything it started,
// in order: the command (and what the command started), the keyring daemon, the bus, then the
// temporary folder. The daemons run in a process group of their own, so a terminal's Ctrl+C
// reaches only the command; they are stopped once the command is gone.
//
// What the command started is found by a marker in its environment, KEYTURN_KEYRING_SESSION (a
// random id per run), which every process below it inherits: a background child of a command that
// has already exited is no longer below it (it was handed to init), but it still holds the marker.
// A process that clears its environment escapes this.
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { join } from 'node:path';
import { exitAs } from './exit-as.mjs';
import { descendantsOf, identify, processesWithEnv, stopProcesses } from './process-tree.mjs';
import { missingSystemTools } from './system-deps.mjs';

const sep = process.argv.indexOf('--');
const command = sep === -1 ? process.argv.slice(2) : process.argv.slice(sep + 1);
if (command.length === 0) {
  console.error('usage: node scripts/with-keyring.mjs -- CMD [ARGS...]');
  process.exit(2);
}
const missing = missingSystemTools(['dbus-daemon', 'gnome-keyring-daemon', 'dbus-send']);
if (missing.length > 0) {
  console.error(`keyring: missing ${missing.join(', ')}; run: sudo apt-get install -y --no-install-recommends dbus gnome-keyring libsecret-1-dev`);
  process.exit(3);
}

/** How long the command may take to stop after the signal before it is killed (an interactive shell ignores SIGTERM). */
const COMMAND_GRACE_MS = 10_000;
const DAEMON_GRACE_MS = 5_000;
const KEYRING_PASSWORD = 'keyturn-test';
/** Rounds of "find what holds the marker, stop it" before giving up on a command that keeps starting processes. */
const LEFT_BEHIND_ROUNDS = 5;
const SESSION_MARKER = 'KEYTURN_KEYRING_SESSION';
const session = randomUUID();

const root = mkdtempSync(join(tmpdir(), 'keyturn-keyring-'));
const runtime = join(root, 'runtime');
mkdirSync(runtime, { mode: 0o700 });
mkdirSync(join(root, 'data'));
const env = { ...process.env, XDG_DATA_HOME: join(root, 'data'), XDG_RUNTIME_DIR: runtime, KEYTURN_PRIVATE_KEYRING: '1' };
delete env.DBUS_SESSION_BUS_PID;

/** What was started, in the order it is stopped; each as { child, proc } (proc: its pid and start time). */
const started = { command: null, keyring: null, bus: null };
let stopping = null;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // A terminal's Ctrl+C already reached the command (it is in the terminal's foreground group): passing it on would deliver it twice.
    const fromTerminal = signal === 'SIGINT' && process.stdin.isTTY;
    if (stopping && started.command) started.command.child.kill('SIGKILL'); // a second signal: stop waiting for the command
    else if (!fromTerminal) void stop({ signal });
  });
}

try {
  // Not $XDG_RUNTIME_DIR/bus, where D-Bus looks without DBUS_SESSION_BUS_ADDRESS: a command that drops the address must find no bus.
  const bus = spawn('dbus-daemon', ['--session', '--nofork', `--address=unix:path=${join(root, 'bus')}`, '--print-address=1'], { env, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  started.bus = tracked(bus);
  env.DBUS_SESSION_BUS_ADDRESS = await firstLine(bus, 'dbus-daemon');
  // A signal may have started stop() while the bus was getting ready: nothing more is started then (stop() would miss it).
  if (!stopping) {
    const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env, detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    started.keyring = tracked(keyring);
    keyring.stdin.end(`${KEYRING_PASSWORD}\n`);
    // The daemon must own org.freedesktop.secrets before the first call, or D-Bus activation would start a second, locked one.
    await secretServiceOwned(keyring);
  }
} catch (error) {
  // Once stopping, a daemon ending before it was ready is stop()'s doing, not a failure to report.
  if (!stopping) console.error(`keyring: ${error instanceof Error ? error.message : String(error)}`);
  await stop({ code: 3 });
}

if (!stopping) {
  const app = spawn(command[0], command.slice(1), { env: { ...env, [SESSION_MARKER]: session }, stdio: 'inherit' });
  started.command = tracked(app);
  app.on('error', (error) => {
    console.error(`keyring: could not run ${command[0]}: ${error.message}`);
    void stop({ code: 127 });
  });
  app.on('exit', (code, signal) => void stop(signal ? { signal } : { code: code ?? 1 }));
}

/** A child with its identity taken at once (it is at least a zombie until Node collects it), so its pid is never signalled once reused. */
function tracked(child) {
  return { child, proc: child.pid === undefined ? null : identify(child.pid) };
}

/** The identities of what was started, for one entry of `started`, read when it is needed (a spawn may follow an await). */
function procOf(entry) {
  return entry?.proc ? [entry.proc] : [];
}

/** Stops everything started, in order, once; then ends as the command did (its code, or the signal re-raised). */
function stop(outcome) {
  stopping ??= (async () => {
    // `started` is read again after every await: a spawn that was under way when stop() began is stopped too.
    if (started.command) {
      // What the command started may outlive it (a worker pool, a `sleep &`): taken down with it.
      // Below it while it runs; holding the session's marker once it has exited.
      const below = started.command.proc ? descendantsOf(started.command.proc.pid) : [];
      await stopProcesses(procOf(started.command), outcome.signal ?? 'SIGTERM', COMMAND_GRACE_MS);
      let round = [...below, ...leftBehind()];
      for (let n = 0; n < LEFT_BEHIND_ROUNDS && round.length > 0; n += 1) {
        await stopProcesses(round, 'SIGTERM', COMMAND_GRACE_MS);
        round = leftBehind();
      }
    }
    // Services the bus started on demand count as the keyring's: stopped with it, before the bus.
    const activated = started.bus?.proc ? descendantsOf(started.bus.proc.pid) : [];
    await stopProcesses([...procOf(started.keyring), ...activated], 'SIGTERM', DAEMON_GRACE_MS);
    await stopProcesses(procOf(started.bus), 'SIGTERM', DAEMON_GRACE_MS);
    rmSync(root, { recursive: true, force: true });
    const exitCode = started.command?.child.exitCode;
    const ended = exitCode !== null && exitCode !== undefined ? { code: exitCode } : outcome;
    if (ended.signal) for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(signal);
    exitAs(ended);
  })();
  return stopping;
}

/** Live processes holding this run's marker, but for the launcher and its daemons (which never get it: this is a guard). */
function leftBehind() {
  const own = new Set([process.pid, started.keyring?.child.pid, started.bus?.child.pid]);
  return processesWithEnv(SESSION_MARKER, session).filter((p) => !own.has(p.pid));
}

/** The first line a child prints (dbus-daemon's address), or why it ended without one. */
function firstLine(child, name) {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk.toString('utf8');
      const end = text.indexOf('\n');
      if (end !== -1) resolve(text.slice(0, end).trim());
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => reject(new Error(`${name} ended (${signal ?? code}) before it was ready`)));
  });
}

/** Asks the bus every 50 ms whether the keyring owns org.freedesktop.secrets; gives up after 10 s or when the daemon ends. */
async function secretServiceOwned(daemon) {
  let ended = null;
  daemon.on('exit', (code, signal) => (ended = signal ?? code));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (ended !== null) throw new Error(`gnome-keyring-daemon ended (${ended}) before it registered org.freedesktop.secrets`);
    if (await nameHasOwner('org.freedesktop.secrets')) return;
    await delay(50);
  }
  throw new Error('gnome-keyring-daemon did not register org.freedesktop.secrets within 10 s');
}

function nameHasOwner(name) {
  return new Promise((resolve) => {
    execFile('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', `string:${name}`], { env }, (error, stdout) =>
      resolve(!error && stdout.includes('boolean true')),
    );
  });
}
