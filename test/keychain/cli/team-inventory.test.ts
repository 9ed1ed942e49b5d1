// Two members and a lead on one PostgreSQL server, through the CLI: each member's own vault home
// and keychain, the team's audit, the leaked-key look-up, the faults a member meets.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/program.js';
import { keychainAuditHead } from '../../../electron/core/audit/keychain-head.js';
import { sha256 } from '../../../electron/core/node/audit/audit-log.js';
import { keychainServiceFor } from '../../../electron/core/node/store/home.js';
import { TEAM_PASSWORD_ACCOUNT } from '../../../electron/core/team/team-connection.js';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { keychainEntries, privateKeychain } from '../../support/private-keychain.js';
import { freshTeamDatabase } from '../../support/team-database.js';
import { vaultIdOf } from '../../support/temp-home.js';
import { dumpDatabase, invite, lastingHomes, relayTo } from './team-support.js';

type Run = ReturnType<typeof cliFor>;

const homes = lastingHomes();
const machine = hostname();
/** Every secret and password this file hands to Keyturn: none may reach the team database. */
const secrets: string[] = [];
const passwords: string[] = [];

let adminUrl: string;
let team: string;
let admin: Run;
const members: Record<string, { run: Run; home: string; url: string }> = {};
const keys = { aliceSandbox: sampleKeys.xora(), aliceProduction: sampleKeys.nora('production'), bobProduction: sampleKeys.nexora() };
let aliceEnv: string;

async function ok(run: Run, argv: string[], stdin = ''): Promise<{ stdout: string; stderr: string }> {
  const result = await run(argv, stdin);
  expect(result.code, `${argv.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0);
  return result;
}

/** A member's own vault home, joined to the team with its invitation URL. */
async function member(name: string, options: { lead?: boolean; before?: (run: Run, home: string) => Promise<void>; url?: (url: string) => string } = {}): Promise<{ run: Run; home: string; url: string }> {
  const invited = await invite(admin, name, options.lead);
  passwords.push(invited.password);
  const home = homes.home();
  const run = cliFor(home);
  await options.before?.(run, home);
  const url = options.url ? options.url(invited.url) : invited.url;
  const joined = await ok(run, ['team', 'connect', url, '--team', team]);
  expect(joined.stdout).toContain(`joined team "${team}" as ${name}`);
  expect(joined.stdout + joined.stderr).not.toContain(invited.password);
  members[name] = { run, home, url: invited.url };
  return members[name];
}

/** Rows of `team audit --json` as a lead sees them. */
async function teamRows(run: Run, ...filter: string[]): Promise<{ rows: { member: string; machine: string; ref: string; env: string; fingerprint: string; vaultId: string }[]; summary: { keys: number; members: number } }> {
  return JSON.parse((await ok(run, ['team', 'audit', '--json', ...filter])).stdout) as never;
}

beforeAll(async () => {
  const database = await freshTeamDatabase('cli team');
  adminUrl = database.adminUrl;
  passwords.push(decodeURIComponent(new URL(adminUrl).password));
  team = `cli${database.suffix}`;
  admin = cliFor(homes.home());
  const created = await ok(admin, ['team', 'init', adminUrl, '--team', team]);
  expect(created.stdout).toContain(`created team "${team}"`);

  // Alice has keys before she joins (the first sync publishes them); Bob adds his after (each change is delivered as the command ends).
  await member('alice', {
    before: async (run, home) => {
      await ok(run, ['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox']);
      await ok(run, ['instance', 'add', 'nora', 'acme', 'live', '--env', 'production']);
      await ok(run, ['key', 'add', 'xora/acme/main', 'ci', '--no-verify'], keys.aliceSandbox);
      await ok(run, ['key', 'add', 'nora/acme/live', 'backend', '--no-verify'], keys.aliceProduction);
      aliceEnv = join(home, 'backend.env');
      await ok(run, ['target', 'add', 'nora/acme/live/backend', 'dotenv', aliceEnv, 'NORA_KEY', '--create-file']);
    },
  });
  const bob = await member('bob');
  await ok(bob.run, ['instance', 'add', 'nexora', 'acme', 'self', '--env', 'production', '--base-url', 'https://nexora.acme.test/api']);
  const added = await ok(bob.run, ['key', 'add', 'nexora/acme/self', 'deploy', '--no-verify'], keys.bobProduction);
  expect(added.stderr).not.toContain('team:');
  await member('lena', { lead: true });
  secrets.push(...Object.values(keys));
}, 120_000);

afterAll(() => homes.removeAll());

describe('keyturn team audit', () => {
  it("shows each member's keys with its member and machine, and the summary over the whole team", async () => {
    const table = await ok(members.lena!.run, ['team', 'audit']);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toMatch(/^MEMBER\s+MACHINE\s+KEY\s+ENV\s+AGE\s+STATE/);
    expect(lines.find((l) => l.includes('xora/acme/main/ci'))).toMatch(new RegExp(`^alice\\s+${machine}\\s+xora/acme/main/ci\\s+sandbox`));
    expect(lines.find((l) => l.includes('nora/acme/live/backend'))).toMatch(new RegExp(`^alice\\s+${machine}\\s+nora/acme/live/backend\\s+production`));
    expect(lines.find((l) => l.includes('nexora/acme/self/deploy'))).toMatch(new RegExp(`^bob\\s+${machine}\\s+nexora/acme/self/deploy\\s+production`));
    expect(table.stdout).toMatch(/^3 keys of 2 members: 0 overdue, 0 expired, 0 due in 7 days, 3 unverified for 30 days, 0 rejected$/m);
  });

  it('writes CSV with the member and machine columns first, and JSON with the rows and the summary', async () => {
    const csv = (await ok(members.lena!.run, ['team', 'audit', '--csv'])).stdout.trim().split('\n');
    expect(csv[0]).toMatch(/^member,machine,ref,provider,org,instance,env,maskedKey,/);
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 3).join(',')).sort()).toEqual([`alice,${machine},nora/acme/live/backend`, `alice,${machine},xora/acme/main/ci`, `bob,${machine},nexora/acme/self/deploy`]);

    const json = await teamRows(members.lena!.run);
    expect(json.rows.map((r) => `${r.member} ${r.ref}`).sort()).toEqual(['alice nora/acme/live/backend', 'alice xora/acme/main/ci', 'bob nexora/acme/self/deploy']);
    expect(json.rows.every((r) => r.machine === machine)).toBe(true);
    expect(json.rows.find((r) => r.member === 'bob')?.vaultId).toBe(vaultIdOf(members.bob!.home));
    expect(json.summary).toMatchObject({ keys: 3, members: 2 });
  });

  it('filters by member, environment and state', async () => {
    expect((await teamRows(members.lena!.run, '--member', 'alice')).rows.map((r) => r.ref).sort()).toEqual(['nora/acme/live/backend', 'xora/acme/main/ci']);
    expect((await teamRows(members.lena!.run, '--env', 'production')).rows.map((r) => r.ref).sort()).toEqual(['nexora/acme/self/deploy', 'nora/acme/live/backend']);
    expect((await teamRows(members.lena!.run, '--state', 'overdue')).rows).toEqual([]);
    const empty = await ok(members.lena!.run, ['team', 'audit', '--member', 'nobody']);
    expect(empty.stdout).toContain('0 keys of 0 members');
  });

  it("a member reads the team's inventory too (what leak look-ups need)", async () => {
    expect((await teamRows(members.bob!.run)).rows.map((r) => r.member).sort()).toEqual(['alice', 'alice', 'bob']);
  });

  it('refuses --json with --csv, and a vault not joined to a team', async () => {
    expect((await members.lena!.run(['team', 'audit', '--json', '--csv'])).code).toBe(2);
    const alone = await cliFor(homes.home())(['team', 'audit']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('this vault is not joined to a team');
  });
});

describe('keyturn team invite', () => {
  it("prints the member's URL with its password once, says so, and how the member joins", async () => {
    const invited = await ok(admin, ['team', 'invite', 'gina', '--lead']);
    const url = /^ {2}(postgres(?:ql)?:\/\/\S+)$/m.exec(invited.stdout)?.[1] ?? '';
    passwords.push(decodeURIComponent(new URL(url).password));
    expect(invited.stdout).toContain(`invited "gina" to team "${team}" as a lead`);
    expect(invited.stdout).toContain('shown this once and kept nowhere');
    expect(invited.stdout).toContain(`gina joins with: keyturn team connect 'THE-URL' --team ${team}`);
    expect(invited.stdout.split(url)).toHaveLength(2);
    expect((await admin(['team', 'invite', 'gina'])).code).toBe(2);
  });
});

describe('keyturn team find --leaked', () => {
  it("names the holder, the machine, the key's ref and environment, its usage sites and how to revoke it, from another member", async () => {
    const log = `2026-12-02T03:00:01Z INFO start\n2026-12-02T03:00:02Z DEBUG headers={"authorization":"Bearer ${keys.aliceProduction}"}\n`;
    const found = await members.bob!.run(['team', 'find', '--leaked'], log);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toContain(`leaked key found in team "${team}": nora/acme/live/backend`);
    expect(found.stdout).toContain('PRODUCTION');
    expect(found.stdout).toContain(`held by: alice on machine ${machine}`);
    expect(found.stdout).toContain(`  - target: NORA_KEY in ${aliceEnv}`);
    expect(found.stdout).toContain('revoke it in the dashboard: ');
    expect(found.stdout).toContain('tell alice');
    expect(found.stdout + found.stderr).not.toContain(keys.aliceProduction);
  });

  it("says the key is the caller's own, and to run its own revoke --leaked", async () => {
    const found = await members.alice!.run(['team', 'find', '--leaked'], `XORA_KEY=${keys.aliceSandbox}\n`);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('held by: you (alice, this vault)');
    expect(found.stdout).toContain('run "keyturn revoke --leaked"');
  });

  it('exits 1 for a key no member holds, with the revocation steps of the provider it looks like', async () => {
    const stranger = sampleKeys.nora('sandbox');
    const found = await members.bob!.run(['team', 'find', '--leaked'], stranger);
    expect(found.code).toBe(1);
    expect(found.stdout).toContain('is no key of the team, but it looks like a Nora key');
    expect(found.stdout).toContain('revoke it in the dashboard: ');
    const nothing = await members.bob!.run(['team', 'find', '--leaked'], 'just-some-words here');
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toContain('matches no key of the team');
    secrets.push(stranger);
  });
});

describe('keyturn revoke --leaked on a key this vault does not hold', () => {
  it("falls back to the team look-up: the holder and how to revoke it, nothing revoked (exit 1)", async () => {
    const result = await members.bob!.run(['revoke', '--leaked', '--yes'], `curl -H "Authorization: Bearer ${keys.aliceSandbox}" https://api.xora.example/v1/me\n`);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("not in your vault; the team's inventory says:");
    expect(result.stdout).toContain(`leaked key found in team "${team}": xora/acme/main/ci`);
    expect(result.stdout).toContain('held by: alice');
    expect(result.stdout + result.stderr).not.toContain(keys.aliceSandbox);
  });

  it('finds a key of this vault itself there, as before (the team is not asked)', async () => {
    // Without a terminal nor --yes it stops at the confirmation: what matters is which key it found.
    const result = await members.bob!.run(['revoke', '--leaked'], keys.bobProduction);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('leaked key found: nexora/acme/self/deploy');
    expect(result.stdout).not.toContain("the team's inventory");
  });
});

describe('keyturn team status and sync', () => {
  it('says the team, member, machine, that the database answers, the last sync and that nothing waits', async () => {
    const status = await ok(members.alice!.run, ['team', 'status']);
    expect(status.stdout).toMatch(new RegExp(`^team:\\s+${team}$`, 'm'));
    expect(status.stdout).toMatch(/^member:\s+alice$/m);
    expect(status.stdout).toMatch(new RegExp(`^machine:\\s+${machine}$`, 'm'));
    expect(status.stdout).toMatch(/^database:\s+127\.0\.0\.1:\d+\/\S+ \(reachable\)$/m);
    expect(status.stdout).toMatch(/^last sync:\s+\d{4}-/m);
    expect(status.stdout).toMatch(/^waiting:\s+nothing$/m);
    const json = JSON.parse((await ok(members.lena!.run, ['team', 'status', '--json'])).stdout) as { connected: boolean; lead: boolean; reachable: boolean; waiting: { keys: number; auditEntries: number } };
    expect(json).toMatchObject({ connected: true, lead: true, reachable: true, waiting: { keys: 0, auditEntries: 0 } });
    const sync = await ok(members.alice!.run, ['team', 'sync']);
    expect(sync.stdout).toContain('nothing waits');
  });

  it('a vault not joined to a team: status says so (exit 0), sync refuses (exit 2)', async () => {
    const run = cliFor(homes.home());
    expect((await ok(run, ['team', 'status'])).stdout).toContain('this vault is not joined to a team');
    expect((await run(['team', 'sync'])).code).toBe(2);
  });
});

describe('keyturn team connect with a wrong password', () => {
  it('says the database refused it, exits 3, and changes nothing: no team.json, no keychain item', async () => {
    const invited = await invite(admin, 'wrongpw');
    passwords.push(invited.password);
    const home = homes.home();
    const run = cliFor(home);
    await ok(run, ['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox']);
    const before = readdirSync(home).sort();
    const wrong = new URL(invited.url);
    wrong.password = 'not-the-password-1234';
    const result = await run(['team', 'connect', wrong.toString(), '--team', team]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`refused the password of "${invited.role}"`);
    expect(result.stdout + result.stderr).not.toContain('not-the-password-1234');
    expect(existsSync(join(home, 'team.json'))).toBe(false);
    expect(readdirSync(home).sort()).toEqual(before);
    expect(Object.keys(await keychainEntries(keychainServiceFor(vaultIdOf(home))))).not.toContain(TEAM_PASSWORD_ACCOUNT);
  });

  it('on a terminal, asks for a password the URL does not hold, at a hidden prompt, and never shows it', async () => {
    const invited = await invite(admin, 'prompted');
    passwords.push(invited.password);
    const home = homes.home();
    const url = new URL(invited.url);
    url.password = '';
    const asked: string[] = [];
    let out = '';
    const sink = new Writable({ write: (_chunk: Buffer, _e, done) => done() });
    const code = await runCli(['--home', home, 'team', 'connect', url.toString(), '--team', team], {
      out: (t) => (out += t),
      err: (t) => (out += t),
      readStdin: async () => '',
      promptSecret: async (message) => (asked.push(message), invited.password),
      ask: null,
      confirm: null,
      env: {},
      sinks: { stdout: sink, stderr: sink },
    });
    expect(code, out).toBe(0);
    expect(asked).toEqual([expect.stringContaining(`Password of the database role "${invited.role}" at 127.0.0.1:`)]);
    expect(out).toContain(`joined team "${team}" as prompted`);
    expect(out).not.toContain(invited.password);
    expect((await keychainEntries(keychainServiceFor(vaultIdOf(home))))[TEAM_PASSWORD_ACCOUNT]).toBe(invited.password);
  });

  it('without a terminal and without a password in the URL, says to put it there (exit 2)', async () => {
    const run = cliFor(homes.home());
    const url = new URL(members.bob!.url);
    url.password = '';
    const result = await run(['team', 'connect', url.toString(), '--team', team]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the URL holds no password and there is no terminal to ask for one');
  });
});

describe('a team database that does not answer', () => {
  it('leaves the local action done: the outbox grows, the run says how much waits, status says the database is unreachable', async () => {
    const relay = await relayTo(adminUrl);
    const carol = await member('carol', { url: relay.url });
    await relay.close();
    const outbox = join(carol.home, 'team-outbox.jsonl');
    const outboxLines = () => (existsSync(outbox) ? readFileSync(outbox, 'utf8').split('\n').filter(Boolean).length : 0);

    await ok(carol.run, ['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox']);
    const first = outboxLines();
    const secret = sampleKeys.xora();
    secrets.push(secret);
    const added = await carol.run(['key', 'add', 'xora/acme/main', 'ci', '--no-verify'], secret);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('xora/acme/main/ci');
    expect(added.stderr).toMatch(/^team: \d+ changes wait: the team database at 127\.0\.0\.1:\d+\/\S+ did not answer/m);
    expect(outboxLines()).toBeGreaterThan(first);
    expect((await ok(carol.run, ['key', 'list'])).stdout).toContain('xora/acme/main/ci');

    const status = await ok(carol.run, ['team', 'status']);
    expect(status.stdout).toMatch(/^database:\s+127\.0\.0\.1:\d+\/\S+ \(unreachable: the team database at .* did not answer/m);
    expect(status.stdout).toMatch(/^waiting:\s+\d+ key changes? and \d+ audit entr/m);
    const json = JSON.parse((await ok(carol.run, ['team', 'status', '--json'])).stdout) as { reachable: boolean; waiting: { keys: number; auditEntries: number }; problem: { code: string } };
    expect(json).toMatchObject({ reachable: false, problem: { code: 'team.unreachable' } });
    expect(json.waiting.keys).toBeGreaterThan(0);

    const sync = await carol.run(['team', 'sync']);
    expect(sync.code).toBe(3);
    expect(sync.stderr).toMatch(/changes wait/);

    // revoke --leaked on a teammate's key: the team cannot be asked, so revoke says what it says alone, and why on stderr.
    const revoke = await carol.run(['revoke', '--leaked', '--yes'], keys.aliceSandbox);
    expect(revoke.code).toBe(1);
    expect(revoke.stdout).toContain('this key is not in the vault, but it looks like a Xora key');
    expect(revoke.stderr).toMatch(/^team: the key could not be looked up in the team: the team database at .* did not answer/m);

    // log verify: the team's copy could not be asked, which is a note, not a failure.
    const verified = await carol.run(['log', 'verify']);
    expect(verified.code, verified.stdout).toBe(0);
    expect(verified.stdout).toContain("note: the team's copy could not be checked");
  });
});

describe("keyturn log verify against the team's copy", () => {
  /** Rewrites the log with entry `seq` edited and the chain after it made good, and the keychain's head moved to match: what the local checks alone cannot catch. */
  async function forge(home: string, edit: (lines: string[]) => string[]): Promise<void> {
    const file = join(home, 'audit.log');
    const edited = edit(readFileSync(file, 'utf8').split('\n').filter(Boolean));
    let prev = '';
    const rechained = edited.map((line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      const next = JSON.stringify({ ...entry, prev: sha256(prev) });
      prev = next;
      return next;
    });
    writeFileSync(file, `${rechained.join('\n')}\n`);
    await keychainAuditHead(privateKeychain(), keychainServiceFor(vaultIdOf(home))).write(sha256(prev));
  }

  it('fails a log edited here and made consistent (chain and keychain), naming where it departs from the team', async () => {
    const dave = await member('dave', { before: async (run) => void (await ok(run, ['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])) });
    expect((await ok(dave.run, ['log', 'verify'])).stdout).toContain("the team's copy matches");
    await forge(dave.home, (lines) => lines.map((l, i) => (i === 0 ? l.replace('"outcome":"ok"', '"outcome":"failed"') : l)));
    const verified = await dave.run(['log', 'verify']);
    expect(verified.code, verified.stdout).toBe(1);
    expect(verified.stdout).toMatch(/^line 1: /m);
    expect(verified.stdout).toContain('the audit log has been tampered with');
  });

  it('fails a log cut short here', async () => {
    const erin = await member('erin', { before: async (run) => void (await ok(run, ['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])) });
    await forge(erin.home, (lines) => lines.slice(0, 1));
    const verified = await erin.run(['log', 'verify', '--json']);
    expect(verified.code).toBe(1);
    const result = JSON.parse(verified.stdout) as { ok: boolean; team: { state: string } };
    expect(result).toMatchObject({ ok: false, team: { state: 'diverged' } });
  });
});

describe('keyturn team disconnect', () => {
  it("leaves the team: the vault's keys leave the team's inventory, the password leaves the keychain", async () => {
    const finn = await member('finn', {
      before: async (run) => {
        await ok(run, ['instance', 'add', 'xora', 'acme', 'finn', '--env', 'sandbox']);
        const secret = sampleKeys.xora();
        secrets.push(secret);
        await ok(run, ['key', 'add', 'xora/acme/finn', 'ci', '--no-verify'], secret);
      },
    });
    expect((await teamRows(members.lena!.run, '--member', 'finn')).rows).toHaveLength(1);
    const left = await ok(finn.run, ['team', 'disconnect']);
    expect(left.stdout).toContain(`this vault left team "${team}" (as finn)`);
    expect(existsSync(join(finn.home, 'team.json'))).toBe(false);
    expect(Object.keys(await keychainEntries(keychainServiceFor(vaultIdOf(finn.home))))).not.toContain(TEAM_PASSWORD_ACCOUNT);
    expect((await teamRows(members.lena!.run, '--member', 'finn')).rows).toEqual([]);
    expect((await finn.run(['team', 'sync'])).code).toBe(2);
    // A change after leaving is the vault's alone: nothing is tried, nothing is said.
    const after = await ok(finn.run, ['instance', 'add', 'xora', 'acme', 'other', '--env', 'sandbox']);
    expect(after.stderr).toBe('');
  });
});

describe('no secret in the team database', () => {
  it('no table holds a key or a password: the dump of the whole database holds none of those used in this file', async () => {
    const dump = await dumpDatabase(adminUrl);
    // The dump is of the real thing: the members' keys are in it, by fingerprint.
    expect(dump).toContain(sha256(keys.aliceProduction));
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    for (const secret of secrets) expect(dump.includes(secret), 'a key is in the team database').toBe(false);
    for (const password of passwords) expect(dump.includes(password), 'a database password is in the team database').toBe(false);
  });

  it("no vault home's file holds a member's database password (it is in the keychain only)", () => {
    for (const { home } of Object.values(members)) {
      for (const name of readdirSync(home)) {
        const path = join(home, name);
        if (!statSync(path).isFile()) continue;
        const text = readFileSync(path, 'utf8');
        for (const password of passwords) expect(text.includes(password), `${name} holds a database password`).toBe(false);
      }
    }
  });
});
