// `npm run demo -- --team`: the demo vault joined to a demo team of three members on a throwaway
// PostgreSQL 15 (scripts/postgres-server.mjs, loopback only, stopped on exit). The app shows the
// lead's vault, so the Audit view's Team switch and Emergency revoke see every member's keys.
// Each member has a vault home of its own (its keys in the private keyring), joined with the same
// code `team init`, `team invite` and `team connect` run, and synced once.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openAppCore } from '../electron/app/app-core.js';
import { KeytarSecretStore } from '../electron/core/node/keychain/keytar-secret-store.js';
import { initTeam, inviteMember } from '../electron/core/node/team/pg/admin.js';
import { NORA_KEYS_PATH, type AllEmulators } from '../test/emulators/index.js';
import { postgresBinDir, startPostgres } from './postgres-server.mjs';

const TEAM = 'acme';
const DATABASE = 'keyturn_demo';
/** The lead's vault is the demo vault the app opens; the two members hold keys of their own. */
const LEAD = 'dana';

/** The server's major version, from its programs' folder (/usr/lib/postgresql/15/bin). */
const postgresVersion = () => /\/(\d+)\/bin$/.exec(postgresBinDir() ?? '')?.[1] ?? '';

export interface DemoTeam {
  /** What the demo prints about the team: where its database is (one line), its members, what to try. */
  lines: string[];
  stop(): Promise<void>;
}

interface MemberKey {
  instance: { provider: string; org: string; name: string; env: 'sandbox' | 'production'; baseUrl: string; verifyPath?: string; dashboardUrl: string };
  name: string;
  secret: string;
  expiresOn?: string;
}

function memberKeys(emulators: AllEmulators): Record<'ari' | 'sam', MemberKey[]> {
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const noraLive = { provider: 'nora', org: 'acme', name: 'live', env: 'production', baseUrl: emulators.nora.baseUrl('production'), verifyPath: NORA_KEYS_PATH, dashboardUrl: emulators.nora.dashboardUrl('production') } as const;
  const xoraJobs = { provider: 'xora', org: 'acme', name: 'jobs', env: 'production', baseUrl: emulators.xora.baseUrl(), dashboardUrl: emulators.xora.dashboardUrl() } as const;
  const nexoraDev = { provider: 'nexora', org: 'acme', name: 'dev', env: 'sandbox', baseUrl: emulators.nexora.baseUrl(), dashboardUrl: emulators.nexora.dashboardUrl() } as const;
  return {
    ari: [
      { instance: noraLive, name: 'checkout', secret: emulators.nora.control.createKey({ name: 'checkout', env: 'production', org: 'acme', expiresAt: inDays(12) }).secret, expiresOn: inDays(12) },
      { instance: xoraJobs, name: 'deploy', secret: emulators.xora.control.createKey({ name: 'deploy' }).secret },
    ],
    sam: [
      { instance: xoraJobs, name: 'nightly', secret: emulators.xora.control.createKey({ name: 'nightly' }).secret },
      { instance: nexoraDev, name: 'laptop', secret: emulators.nexora.control.createKey({ name: 'laptop' }).secret },
    ],
  };
}

/** Joins `home` to the team as `member` (an invitation from the administrator's connection), then delivers it. */
async function joinTeam(home: string, adminUrl: string, password: string, member: string, lead: boolean): Promise<void> {
  const invitation = await inviteMember({ url: adminUrl, password, team: TEAM, member, lead });
  const core = openAppCore(home, { name: 'the demo', secrets: new KeytarSecretStore() });
  try {
    await core.team.connect({ url: invitation.url, team: TEAM, member });
    const outcome = await core.team.sync();
    if (outcome.problem) throw new Error(`${member}'s first sync stopped short: ${outcome.problem.code}`);
  } finally {
    await core.close();
  }
}

export async function openDemoTeam(leadHome: string, emulators: AllEmulators): Promise<DemoTeam> {
  const server = await startPostgres();
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await admin.end();
    }
    const url = new URL(server.url);
    url.pathname = `/${DATABASE}`;
    const adminUrl = url.toString();
    await initTeam({ url: adminUrl, password: server.password, team: TEAM });

    const homes: Record<string, string> = { [LEAD]: leadHome };
    const held = memberKeys(emulators);
    for (const [member, keys] of Object.entries(held)) {
      const home = mkdtempSync(join(tmpdir(), `keyturn-demo-${member}-`));
      homes[member] = home;
      const core = openAppCore(home, { name: 'the demo', secrets: new KeytarSecretStore() });
      try {
        for (const instance of new Map(keys.map((k) => [`${k.instance.provider}/${k.instance.org}/${k.instance.name}`, k.instance])).values()) await core.vault.addInstance(instance);
        for (const k of keys) await core.vault.addKey({ instanceRef: `${k.instance.provider}/${k.instance.org}/${k.instance.name}`, name: k.name, secret: k.secret, ...(k.expiresOn ? { expiresOn: k.expiresOn } : {}) });
        await core.vault.verify('all');
      } finally {
        await core.close();
      }
    }
    await joinTeam(leadHome, adminUrl, server.password, LEAD, true);
    for (const member of ['ari', 'sam']) await joinTeam(homes[member] as string, adminUrl, server.password, member, false);

    // A string to try `team find --leaked` with from another member's vault: one of sam's keys, in a file only you can read.
    const leakedFile = join(homes.sam as string, 'leaked-demo-key.txt');
    writeFileSync(leakedFile, `${held.sam[0]?.secret ?? ''}\n`, { mode: 0o600 });
    // The members' passwords and keys are in the demo's private keyring: a command from another
    // terminal reaches it through this session bus (the demo's own, gone when the demo stops).
    const bus = process.env.DBUS_SESSION_BUS_ADDRESS;
    const keyturn = `${bus ? `DBUS_SESSION_BUS_ADDRESS='${bus}' ` : ''}node bin/keyturn.mjs`;
    return {
      lines: [
        `Team database (a throwaway PostgreSQL ${postgresVersion()}, stopped on exit): postgresql://127.0.0.1:${server.port}/${DATABASE}, team "${TEAM}"`,
        `Team members: ${LEAD} (lead; the vault this app shows), ari and sam (members), each a vault of its own (the commands use the demo's keyring):`,
        ...Object.entries(homes).map(([member, home]) => `  ${member}: ${keyturn} --home ${home} team audit`),
        `Whose key is it (one of sam's, from ari's vault): ${keyturn} --home ${homes.ari} team find --leaked < ${leakedFile}`,
      ],
      stop: () => server.stop(),
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
