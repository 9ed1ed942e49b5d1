// `npm start`, `npm run demo` and scripts/with-keyring.mjs: whatever signal stops the launcher
// (SIGTERM, SIGINT, SIGHUP) stops every process it started — the app, the keyring daemon, the
// D-Bus daemon — and removes its temporary folders. The process tree is read before the signal;
// once the launcher has exited, none of it may still run.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processesWithEnv, processTree, stillRunning, type TreeProcess } from '../../support/process-tree.js';

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/** No keychain in the session: `npm start` takes the path with a private keyring and a temporary vault. */
const { DBUS_SESSION_BUS_ADDRESS: _bus, DISPLAY: _display, ...headless } = process.env;

interface Launched {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in stdout+stderr; rejects if the launcher ends first. */
  waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Set in a launcher's environment by a test, so what it started can be found once it is no longer below the launcher. */
const RUN_MARKER = 'KEYTURN_LAUNCHER_TEST_RUN';

const launchedHere: ChildProcess[] = [];
const markedHere: string[] = [];
const foldersHere: string[] = [];
// A test that failed half-way must not leave its launcher, and what it started, running.
afterEach(() => {
  for (const child of launchedHere.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const tree = processTree(child.pid as number);
    for (const p of tree.reverse()) if (stillRunning(p)) process.kill(p.pid, 'SIGKILL');
  }
  for (const run of markedHere.splice(0)) for (const p of processesWithEnv(RUN_MARKER, run)) if (stillRunning(p)) process.kill(p.pid, 'SIGKILL');
  for (const folder of foldersHere.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The environment for a launcher whose every descendant, even one handed to init, can be found by its run id. */
function markedEnv(env: NodeJS.ProcessEnv = process.env): { env: NodeJS.ProcessEnv; run: string } {
  const run = randomUUID();
  markedHere.push(run);
  return { env: { ...env, [RUN_MARKER]: run }, run };
}

function launch(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Launched {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  launchedHere.push(child);
  let text = '';
  const listeners = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      for (const listener of listeners) listener();
    });
  }
  // 'exit', not 'close': a process the launcher left behind may hold its output pipes open for ever.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(text);
        if (!match) return;
        listeners.delete(check);
        resolve(match);
      };
      listeners.add(check);
      check();
      void exited.then(() => {
        if (listeners.delete(check)) reject(new Error(`${command} ${args.join(' ')} ended before printing ${pattern}; it printed:\n${text}`));
      });
    });
  return { child, output: () => text, waitFor, exited };
}

/** The private keyring's folder, from the bus address its dbus-daemon listens on. */
function keyringFolder(tree: TreeProcess[]): string {
  const bus = tree.find((p) => p.command.startsWith('dbus-daemon'));
  const socket = /--address=unix:path=(\S+)/.exec(bus?.command ?? '')?.[1];
  if (!socket) throw new Error(`no private dbus-daemon in the tree:\n${tree.map((p) => p.command).join('\n')}`);
  return dirname(socket); // <root>/bus
}

/** Signals the launcher, waits for it to exit, and checks that nothing it started survived it. */
async function stopAndCheck(launched: Launched, signal: NodeJS.Signals, expected: RegExp[]): Promise<{ tree: TreeProcess[] }> {
  const tree = processTree(launched.child.pid as number);
  for (const pattern of expected) expect(tree.map((p) => p.command), `a process matching ${pattern}`).toContainEqual(expect.stringMatching(pattern));
  launched.child.kill(signal);
  await launched.exited;
  const survivors = tree.filter(stillRunning);
  expect(survivors.map((p) => `${p.pid} ${p.command}`), launched.output()).toEqual([]);
  return { tree };
}

const DAEMONS = [/^dbus-daemon /, /^gnome-keyring-daemon /];

describe('scripts/with-keyring.mjs', () => {
  it.each(SIGNALS)('stops the command, the keyring daemon and the bus on %s, and removes its folder', async (signal) => {
    const program = "require('keytar').setPassword('probe', 'probe', 'x').then(() => { console.log('ready'); setInterval(() => undefined, 1000); })";
    const launched = launch(process.execPath, ['scripts/with-keyring.mjs', '--', process.execPath, '-e', program]);
    await launched.waitFor(/ready/);
    const { tree } = await stopAndCheck(launched, signal, [...DAEMONS, /-e require\('keytar'\)/]);
    expect(existsSync(keyringFolder(tree))).toBe(false);
  }, 60_000);

  it('stops what the command left running in the background when the command exits by itself', async () => {
    const { env, run } = markedEnv();
    // The sleep is handed to init when bash exits, so it is no longer below the command when the launcher looks.
    const script = 'sleep 1000 & echo "background $! in $XDG_RUNTIME_DIR"; exit 0';
    const launched = launch(process.execPath, ['scripts/with-keyring.mjs', '--', 'bash', '-c', script], env);
    const [, , runtime] = await launched.waitFor(/background (\d+) in (\S+)/);
    expect(await launched.exited).toEqual({ code: 0, signal: null });
    const survivors = processesWithEnv(RUN_MARKER, run);
    expect(survivors.map((p) => `${p.pid} ${p.command}`), launched.output()).toEqual([]);
    expect(existsSync(dirname(runtime as string))).toBe(false);
  }, 60_000);

  it('never starts the keyring daemon once a signal has come while it waited for the bus', async () => {
    // A stand-in dbus-daemon runs the real one but prints its address only when asked to stop: the
    // launcher then learns the address after it has begun stopping, as when a signal comes at that moment.
    const shims = mkdtempSync(join(tmpdir(), 'keyturn-shim-'));
    foldersHere.push(shims);
    const realBus = execFileSync('bash', ['-c', 'command -v dbus-daemon'], { encoding: 'utf8' }).trim();
    const shim = join(shims, 'dbus-daemon');
    writeFileSync(
      shim,
      [
        '#!/bin/bash',
        `out="${shims}/address"`,
        // Not a child of the stand-in (the launcher would stop it as a service the bus started): handed to init at once.
        `( "${realBus}" "$@" > "$out" & )`,
        // Idles in a read that never returns (a builtin: no child), leaving it only to run the trap.
        `mkfifo "${shims}/idle" && exec 3<> "${shims}/idle"`,
        `trap 'until [ -s "$out" ]; do sleep 0.01; done; cat "$out"' TERM`,
        'echo "shim waiting" >&2',
        'while :; do read -r -u 3 _; done',
        '',
      ].join('\n'),
    );
    chmodSync(shim, 0o755);
    const { env, run } = markedEnv({ ...process.env, PATH: `${shims}:${process.env.PATH ?? ''}` });
    const launched = launch(process.execPath, ['scripts/with-keyring.mjs', '--', process.execPath, '-e', ''], env);
    await launched.waitFor(/shim waiting/);
    launched.child.kill('SIGTERM');
    expect(await launched.exited).toEqual({ code: null, signal: 'SIGTERM' });
    const keyrings = processesWithEnv(RUN_MARKER, run).filter((p) => p.command.startsWith('gnome-keyring-daemon'));
    expect(keyrings.map((p) => `${p.pid} ${p.command}`), launched.output()).toEqual([]);
  }, 60_000);
});

describe('npm start without a keychain in the session (browser mode, private keyring, temporary vault)', () => {
  it('stops keyturn web, the keyring daemon and dbus on SIGTERM to npm, and removes the vault and keyring folders', async () => {
    const launched = launch('npm', ['start'], headless);
    const [, vault] = await launched.waitFor(/a vault in (\S+) for this run only/);
    await launched.waitFor(/\?launch=/);
    const { tree } = await stopAndCheck(launched, 'SIGTERM', [...DAEMONS, /bin\/keyturn\.mjs --home \S+ web$/]);
    expect(existsSync(vault as string)).toBe(false);
    expect(existsSync(keyringFolder(tree))).toBe(false);
  }, 90_000);

  it.each(SIGNALS)('stops everything the launcher started on %s to scripts/start.mjs', async (signal) => {
    const launched = launch(process.execPath, ['scripts/start.mjs'], headless);
    const [, vault] = await launched.waitFor(/a vault in (\S+) for this run only/);
    await launched.waitFor(/\?launch=/);
    const { tree } = await stopAndCheck(launched, signal, [...DAEMONS, /bin\/keyturn\.mjs --home \S+ web$/]);
    expect(existsSync(vault as string)).toBe(false);
    expect(existsSync(keyringFolder(tree))).toBe(false);
  }, 90_000);

  it('ends by the signal that killed its app, not with exit 0', async () => {
    const launched = launch(process.execPath, ['scripts/start.mjs'], headless);
    await launched.waitFor(/\?launch=/);
    const tree = processTree(launched.child.pid as number);
    // The app itself, not with-keyring, whose command line ends with the app's.
    const app = tree.find((p) => /^\S+ bin\/keyturn\.mjs --home \S+ web$/.test(p.command));
    if (!app) throw new Error(`no keyturn web in the tree:\n${tree.map((p) => p.command).join('\n')}`);
    process.kill(app.pid, 'SIGKILL');
    expect(await launched.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(tree.filter(stillRunning).map((p) => `${p.pid} ${p.command}`), launched.output()).toEqual([]);
  }, 90_000);
});

describe('npm run demo', () => {
  it('stops the demo (emulators and browser mode), the keyring daemon and dbus on SIGTERM to npm', async () => {
    const launched = launch('npm', ['run', 'demo']);
    await launched.waitFor(/Open this link/);
    const { tree } = await stopAndCheck(launched, 'SIGTERM', [...DAEMONS, /scripts\/demo\.ts$/]);
    expect(existsSync(keyringFolder(tree))).toBe(false);
  }, 90_000);
});
