// A throwaway PostgreSQL 15 server (Debian's postgresql-15) for the tests, the bench and the demo:
// initdb into a temporary folder, listening on a free loopback port and a socket in that folder,
// stopped by its PID file (pg_ctl) and removed when the caller stops it or exits.
//
// initdb and postgres refuse to run as root: as root they run as the `postgres` user, with the
// folder handed to it. Usage from code: `const pg = await startPostgres(); … await pg.stop()`.
// From a shell: node scripts/postgres-server.mjs -- CMD [ARGS...] runs CMD with
// KEYTURN_TEST_POSTGRES_URL set to the administrator's URL, and stops the server when CMD ends.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const POSTGRES_URL_ENV = 'KEYTURN_TEST_POSTGRES_URL';
const BIN_ROOT = '/usr/lib/postgresql';

/** The folder of the newest installed server's programs (15 here), or null when none is installed. */
export function postgresBinDir() {
  if (!existsSync(BIN_ROOT)) return null;
  const versions = readdirSync(BIN_ROOT).filter((v) => /^\d+$/.test(v) && existsSync(join(BIN_ROOT, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(BIN_ROOT, versions[0], 'bin') : null;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a server program as the `postgres` user when we are root (it refuses root), as ourselves otherwise. */
function asServerUser(program, args, options = {}) {
  return isRoot() ? execFileSync('runuser', ['-u', 'postgres', '--', program, ...args], options) : execFileSync(program, args, options);
}

/**
 * Starts a server; resolves once it accepts connections. Returns the administrator's URL (the
 * `postgres` superuser over TCP on 127.0.0.1), its parts, and stop(), which is also run at exit.
 */
export async function startPostgres({ log = false } = {}) {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`PostgreSQL is not installed: run "sudo apt-get install -y --no-install-recommends postgresql-15" (or "node scripts/install-system-deps.mjs" as root)`);
  const root = mkdtempSync(join(tmpdir(), 'keyturn-postgres-'));
  const data = join(root, 'data');
  const password = randomBytes(18).toString('base64url');
  const pwfile = join(root, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (isRoot()) {
    const { uid, gid } = userIds('postgres');
    chownSync(root, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  const quiet = { stdio: log ? 'inherit' : 'pipe' };
  asServerUser(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8'], quiet);
  rmSync(pwfile, { force: true });
  const port = await freePort();
  // fsync off: a throwaway server, and the tests' speed matters more than surviving a power cut.
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-w', '-t', '60', '-l', join(root, 'server.log'), '-o', options, 'start'], quiet);
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    try {
      asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-w', '-t', '30', '-m', 'fast', 'stop'], { stdio: 'pipe' });
    } catch {
      // Already stopped (a test stopped it on purpose and did not start it again): nothing to stop.
    }
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  return {
    url,
    host: '127.0.0.1',
    port,
    password,
    dataDir: data,
    socketDir: root,
    /** Stops the server (fast shutdown) without removing its data, for fault tests; start() brings it back on the same port. */
    pause: () => asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-w', '-t', '30', '-m', 'fast', 'stop'], { stdio: 'pipe' }),
    resume: () => asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-w', '-t', '60', '-l', join(root, 'server.log'), '-o', options, 'start'], { stdio: 'pipe' }),
    stop: async () => stopNow(),
  };
}

function userIds(name) {
  const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) throw new Error(`no "${name}" user: install postgresql-15, which creates it`);
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sep = process.argv.indexOf('--');
  const command = sep === -1 ? [] : process.argv.slice(sep + 1);
  if (command.length === 0) {
    console.error('usage: node scripts/postgres-server.mjs -- CMD [ARGS...]');
    process.exit(2);
  }
  const server = await startPostgres();
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, [POSTGRES_URL_ENV]: server.url } });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', async (code, signal) => {
    await server.stop();
    process.exit(code ?? (signal ? 1 : 0));
  });
}
