// `npm start`, `npm run demo` and scripts/with-keyring.mjs: whatever signal stops the launcher
// (SIGTERM, SIGINT, SIGHUP) stops every process it started — the app, the keyring daemon, the
// D-Bus daemon — and removes its temporary folders. The process tree is read before the signal;
// once the launcher has exited, none of it may still run.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processTree, stillRunning, type TreeProcess } from '../../support/process-tree.js';

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

const launchedHere: ChildProcess[] = [];
// A test that failed half-way must not leave its launcher, and what it started, running.
afterEach(() => {
  for (const child of launchedHere.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const tree = processTree(child.pid as number);
    for (const p of tree.reverse()) if (stillRunning(p)) process.kill(p.pid, 'SIGKILL');
  }
});

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
});

describe('npm run demo', () => {
  it('stops the demo (emulators and browser mode), the keyring daemon and dbus on SIGTERM to npm', async () => {
    const launched = launch('npm', ['run', 'demo']);
    await launched.waitFor(/Open this link/);
    const { tree } = await stopAndCheck(launched, 'SIGTERM', [...DAEMONS, /scripts\/demo\.ts$/]);
    expect(existsSync(keyringFolder(tree))).toBe(false);
  }, 90_000);
});
