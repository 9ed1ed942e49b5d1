import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll } from 'vitest';

const run = promisify(execFile);
const PASSWORD = 'keyturn-test\n';

/**
 * A Secret Service of the test's own: its own D-Bus session and gnome-keyring-daemon, so a test
 * can lock the keyring without locking it for the other test files that share the suite's session.
 * Only child processes given `env` use it (keytar in this process stays on the suite's session).
 */
export interface OwnKeyring {
  env: NodeJS.ProcessEnv;
  /** Locks the default collection through the Secret Service's own Lock call. */
  lock(): Promise<void>;
  isLocked(): Promise<boolean>;
  /** Unlocking needs a prompt, which a test has no display for: restart the daemon with the password instead. */
  unlock(): Promise<void>;
  close(): Promise<void>;
}

export async function startOwnKeyring(): Promise<OwnKeyring> {
  const root = mkdtempSync(join(tmpdir(), 'keyturn-own-keyring-'));
  const runtime = join(root, 'runtime');
  mkdirSync(runtime, { mode: 0o700 });
  mkdirSync(join(root, 'data'));
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1', `--address=unix:path=${join(root, 'bus')}`], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await new Promise<string>((resolve, reject) => {
    let out = '';
    bus.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    bus.on('exit', (code) => reject(new Error(`dbus-daemon exited with ${code}`)));
  });
  const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: address, XDG_RUNTIME_DIR: runtime, XDG_DATA_HOME: join(root, 'data') };
  const dbus = async (...args: string[]) => (await run('dbus-send', ['--session', '--print-reply', ...args], { env, encoding: 'utf8' })).stdout;
  const owner = async (): Promise<string | null> => {
    try {
      return /string "([^"]+)"/.exec(await dbus('--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.GetNameOwner', 'string:org.freedesktop.secrets'))?.[1] ?? null;
    } catch {
      return null;
    }
  };
  const defaultCollection = async () => {
    const reply = await dbus('--dest=org.freedesktop.secrets', '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.ReadAlias', 'string:default');
    const path = /object path "([^"]+)"/.exec(reply)?.[1];
    if (!path || path === '/') throw new Error('the test keyring has no default collection');
    return path;
  };

  let daemon: ChildProcess | null = null;
  const startDaemon = async (previousOwner: string | null) => {
    const child = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], { env, stdio: ['pipe', 'ignore', 'ignore'] });
    child.stdin?.end(PASSWORD);
    daemon = child;
    // Poll for the daemon to own the name before any call, or D-Bus activation would start a second, locked one.
    for (let i = 0; i < 400; i++) {
      const now = await owner();
      if (now && now !== previousOwner) return;
      if (child.exitCode !== null) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error('gnome-keyring-daemon did not register org.freedesktop.secrets');
  };
  const stopDaemon = async () => {
    const child = daemon;
    daemon = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  await startDaemon(null);

  return {
    env,
    async lock() {
      await dbus('--dest=org.freedesktop.secrets', '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.Lock', `array:objpath:${await defaultCollection()}`);
    },
    async isLocked() {
      const reply = await dbus('--dest=org.freedesktop.secrets', await defaultCollection(), 'org.freedesktop.DBus.Properties.Get', 'string:org.freedesktop.Secret.Collection', 'string:Locked');
      return reply.includes('boolean true');
    },
    async unlock() {
      const before = await owner();
      await stopDaemon();
      await startDaemon(before);
    },
    async close() {
      await stopDaemon();
      const exited = new Promise((resolve) => bus.once('exit', resolve));
      bus.kill('SIGTERM');
      await exited;
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * A keyring of the test file's own for the block it is called in: started before its first test,
 * closed after its last, and unlocked again after a test that left it locked (a test that failed
 * half-way must not hand the next one a locked keyring).
 */
export function useOwnKeyring(): OwnKeyring {
  let keyring: OwnKeyring | null = null;
  const started = (): OwnKeyring => {
    if (keyring === null) throw new Error('the test keyring is started before the first test: use it inside a test');
    return keyring;
  };
  beforeAll(async () => {
    keyring = await startOwnKeyring();
  });
  afterAll(async () => {
    await keyring?.close();
  });
  afterEach(async () => {
    if (keyring && (await keyring.isLocked())) await keyring.unlock();
  });
  return {
    get env() {
      return started().env;
    },
    lock: () => started().lock(),
    isLocked: () => started().isLocked(),
    unlock: () => started().unlock(),
    close: () => started().close(),
  };
}
