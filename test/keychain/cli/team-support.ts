import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { cliFor } from '../../support/cli.js';

/** A vault home that outlives one test (the team tests build one team in beforeAll); removed by `removeAll`. */
export function lastingHomes(): { home: () => string; removeAll: () => void } {
  const made: string[] = [];
  return {
    home: () => {
      const dir = mkdtempSync(join(tmpdir(), 'keyturn-team-home-'));
      made.push(dir);
      return dir;
    },
    removeAll: () => {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `keyturn team invite MEMBER --json` on the administrator's home: the member's URL (with its password) and its role. */
export async function invite(admin: ReturnType<typeof cliFor>, member: string, lead = false): Promise<{ url: string; role: string; password: string }> {
  const invited = await admin(['team', 'invite', member, ...(lead ? ['--lead'] : []), '--json']);
  expect(invited.code, invited.stderr).toBe(0);
  const { url, role } = JSON.parse(invited.stdout) as { url: string; role: string };
  return { url, role, password: decodeURIComponent(new URL(url).password) };
}

/** The whole team database as pg_dump writes it (schema and every row): what "no secret in the database" searches. */
export async function dumpDatabase(adminUrl: string): Promise<string> {
  const { stdout } = await promisify(execFile)('/usr/lib/postgresql/15/bin/pg_dump', ['--dbname', adminUrl, '--no-owner'], { maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

/**
 * A TCP relay on loopback to the team database: a member connected through it loses the database
 * when it is closed (the port then refuses connections, as a host that is down does).
 */
export async function relayTo(target: string): Promise<{ url: (memberUrl: string) => string; close: () => Promise<void> }> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    open.add(client).add(upstream);
    upstream.connect(Number(port), hostname);
    client.pipe(upstream).pipe(client);
    for (const s of [client, upstream]) {
      s.on('error', () => (client.destroy(), upstream.destroy()));
      s.on('close', () => (open.delete(s), client.destroy(), upstream.destroy()));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const relayPort = (server.address() as AddressInfo).port;
  return {
    url: (memberUrl) => {
      const u = new URL(memberUrl);
      u.hostname = '127.0.0.1';
      u.port = String(relayPort);
      return u.toString();
    },
    close: async () => {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
