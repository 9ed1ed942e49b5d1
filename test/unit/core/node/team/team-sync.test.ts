import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPgTeamDatabase } from '../../../../../electron/core/node/team/pg/pg-team-database.js';
import { localLogLines } from '../../../../../electron/core/node/team/local-log.js';
import { readOutbox } from '../../../../../electron/core/node/team/outbox.js';
import { readConnection, readSyncState } from '../../../../../electron/core/node/team/team-files.js';
import { TEAM_PASSWORD_ACCOUNT } from '../../../../../electron/core/team/team-connection.js';
import type { TeamAuditRow } from '../../../../../electron/core/team/team-audit.js';
import { teamKeyRows } from '../../../../../electron/core/team/team-key-row.js';
import { setTeamPolicyCeiling } from '../../../../../electron/core/policy/team-ceiling.js';
import { MemorySecretStore } from '../../../../support/memory-secret-store.js';
import { filesUnder, tempHome } from '../../../../support/temp-home.js';
import { makeTestTeam, teamLogOf, type TestTeam } from './team-fixture.js';
import { addKeys, teamTestVault, type TeamTestVault } from './team-vault.js';
import { delegating } from './delegating-database.js';

async function collect(rows: AsyncIterable<TeamAuditRow[]>): Promise<TeamAuditRow[]> {
  const all: TeamAuditRow[] = [];
  for await (const batch of rows) all.push(...batch);
  return all;
}

describe('team sync against PostgreSQL', () => {
  const teams: TestTeam[] = [];
  const others: TeamTestVault[] = [];
  afterEach(async () => {
    for (const t of teams.splice(0)) await t.close();
    for (const v of others.splice(0)) await v.close();
  });
  const team = async () => {
    const t = await makeTestTeam('sync');
    teams.push(t);
    return t;
  };

  it('publishes every key and every audit entry at connect, each under its member', async () => {
    const t = await team();
    const lead = await t.member('lena', { lead: true });
    const alice = await t.member('alice');
    await addKeys(alice, 3, 'alice');
    const bob = await t.member('bob');
    await addKeys(bob, 2, 'bob');
    for (const v of [alice, bob]) expect((await v.team.sync()).problem).toBeNull();
    const rows = await collect(lead.team.audit({}));
    expect(rows.filter((r) => r.member === 'alice').map((r) => r.keyId).sort()).toEqual(alice.metadata.read().keys.map((k) => k.id).sort());
    expect(rows.filter((r) => r.member === 'bob')).toHaveLength(2);
    expect(rows.find((r) => r.member === 'bob')?.machine).toBe('bob-laptop');
    expect(await teamLogOf(t, alice.vaultId)).toEqual(localLogLines(alice.home));
    const status = await alice.team.status({ probe: true });
    expect(status).toMatchObject({ connected: true, member: 'alice', reachable: true, problem: null, waiting: { keys: 0, auditEntries: 0 } });
    expect(readOutbox(alice.home)).toEqual([]);
  });

  it('is idempotent: a second sync delivers nothing and doubles nothing', async () => {
    const t = await team();
    const alice = await t.member('alice');
    await addKeys(alice, 2);
    const first = await alice.team.sync();
    expect(first.delivered.keys).toBeGreaterThan(0);
    const second = await alice.team.sync();
    expect(second.delivered).toEqual({ keys: 0, auditEntries: 0 });
    const keys = await t.sql<{ n: string }>('SELECT count(*) AS n FROM keyturn.keys WHERE vault_id = $1', [alice.vaultId]);
    expect(Number(keys[0]?.n)).toBe(2);
    expect(await teamLogOf(t, alice.vaultId)).toEqual(localLogLines(alice.home));
  });

  it('keeps one connection across syncs of one service, and opens a new one after a failure', async () => {
    const t = await team();
    let opened = 0;
    let failNext = false;
    const alice = await t.member('alice', {
      connectDatabase: async (connection) => {
        opened += 1;
        const db = await openPgTeamDatabase(connection);
        return delegating(db, {
          deliver: async (delivery) => {
            if (failNext) {
              failNext = false;
              await db.close();
              throw new Error('connection dropped');
            }
            return db.deliver(delivery);
          },
        });
      },
    });
    const afterJoin = opened;
    await addKeys(alice, 1);
    expect((await alice.team.sync()).problem).toBeNull();
    await addKeys(alice, 1, 'more');
    expect((await alice.team.sync()).problem).toBeNull();
    expect(opened).toBe(afterJoin);
    failNext = true;
    await addKeys(alice, 1, 'third');
    expect((await alice.team.sync()).problem?.code).toBe('team.database-failed');
    expect((await alice.team.sync()).problem).toBeNull();
    expect(opened).toBe(afterJoin + 1);
    const keys = await t.sql<{ n: string }>('SELECT count(*) AS n FROM keyturn.keys WHERE vault_id = $1 AND NOT removed', [alice.vaultId]);
    expect(Number(keys[0]?.n)).toBe(3);
  });

  it('delivers a change of one key as that key alone, and a removal as removed', async () => {
    const t = await team();
    const lead = await t.member('lena', { lead: true });
    const alice = await t.member('alice');
    const [a, b] = await addKeys(alice, 2);
    await alice.team.sync();
    await alice.vault.renameKey(a!.id, 'renamed');
    await alice.vault.removeKey(b!.id, { yes: true });
    expect((await alice.team.status({ probe: false })).waiting.keys).toBe(2);
    const outcome = await alice.team.sync();
    expect(outcome.delivered.keys).toBe(2);
    const rows = await collect(lead.team.audit({ member: 'alice' }));
    expect(rows.map((r) => r.ref)).toEqual(['nora/acme/sandbox/renamed']);
  });

  it('forbids a late delivery with a lower revision from overwriting a newer row', async () => {
    const t = await team();
    const alice = await t.member('alice');
    const [a] = await addKeys(alice, 1);
    await alice.vault.renameKey(a!.id, 'newer');
    await alice.team.sync();
    const held = await t.sql<{ revision: number; ref: string }>('SELECT revision, ref FROM keyturn.keys WHERE key_id = $1', [a!.id]);
    const password = (await alice.secrets.get(alice.deps.keychainService, TEAM_PASSWORD_ACCOUNT)) as string;
    const db = await openPgTeamDatabase({ url: readConnection(alice.home)!.url, password });
    try {
      const [stale] = teamKeyRows(alice.metadata.read(), new Date());
      await db.deliver({ vault: { vaultId: alice.vaultId, machine: 'x' }, keys: [{ keyId: a!.id, revision: Number(held[0]!.revision) - 1, row: { ...stale!, ref: 'nora/acme/sandbox/older' } }], audit: [] });
    } finally {
      await db.close();
    }
    expect(await t.sql('SELECT revision, ref FROM keyturn.keys WHERE key_id = $1', [a!.id])).toEqual(held);
  });

  it('refuses a wrong password with a clear problem and changes nothing', async () => {
    const t = await team();
    const invited = await t.admin.team.invite({ member: 'mallory', lead: false });
    const secrets = new MemorySecretStore();
    const home = tempHome();
    const v = teamTestVault(home, { secrets });
    others.push(v);
    await addKeys(v, 1);
    const before = { files: filesUnder(home), keychain: secrets.entries(v.deps.keychainService) };
    const wrong = new URL(invited.url);
    wrong.password = 'not-the-password';
    await expect(v.team.connect({ url: wrong.toString(), team: t.name })).rejects.toMatchObject({ problem: { code: 'team.auth-failed' } });
    expect({ files: filesUnder(home), keychain: secrets.entries(v.deps.keychainService) }).toEqual(before);
  });

  it('refuses another team name, or another member, and changes nothing', async () => {
    const t = await team();
    const invited = await t.admin.team.invite({ member: 'carol', lead: false });
    const v = teamTestVault(tempHome(), { secrets: new MemorySecretStore() });
    others.push(v);
    const before = filesUnder(v.home);
    await expect(v.team.connect({ url: invited.url, team: `${t.name}x` })).rejects.toMatchObject({ problem: { code: expect.stringMatching(/^team\.(no-such-team|not-a-member)$/) } });
    await expect(v.team.connect({ url: invited.url, team: t.name, member: 'dave' })).rejects.toMatchObject({ problem: { code: 'team.not-a-member' } });
    expect(filesUnder(v.home)).toEqual(before);
    expect(v.team.connected()).toBe(false);
  });

  it('keeps the URL without its password in team.json, and the password in the keychain only', async () => {
    const t = await team();
    const alice = await t.member('alice');
    const password = new URL(alice.url).password;
    expect(password.length).toBeGreaterThan(8);
    for (const [file, text] of Object.entries(filesUnder(alice.home))) expect(text.includes(password), file).toBe(false);
    expect(await alice.secrets.get(alice.deps.keychainService, TEAM_PASSWORD_ACCOUNT)).toBe(password);
    await expect(alice.team.connect({ url: alice.url, team: t.name })).rejects.toMatchObject({ problem: { code: 'team.already-connected' } });
  });

  it('works on with the database unreachable: the change is made, the outbox grows, status says so', async () => {
    const t = await team();
    const alice = await t.member('alice');
    const [a] = await addKeys(alice, 1);
    await alice.team.sync();
    // The database moved away (a closed port on this machine): nothing answers.
    const connection = readConnection(alice.home)!;
    const url = new URL(connection.url);
    url.port = '1';
    writeFileSync(join(alice.home, 'team.json'), JSON.stringify({ ...connection, url: url.toString() }));
    await alice.vault.renameKey(a!.id, 'offline-change');
    expect(alice.metadata.read().keys[0]?.name).toBe('offline-change');
    const outcome = await alice.team.sync();
    expect(outcome.problem?.code).toBe('team.unreachable');
    expect(outcome.waiting.keys).toBe(1);
    expect(outcome.waiting.auditEntries).toBeGreaterThan(0);
    expect(readOutbox(alice.home).length).toBeGreaterThan(0);
    const status = await alice.team.status({ probe: true });
    expect(status).toMatchObject({ reachable: false, problem: { code: 'team.unreachable' }, waiting: { keys: 1 } });
    expect((await alice.team.status({ probe: false })).problem?.code).toBe('team.unreachable');
    // Back: everything waiting is delivered.
    writeFileSync(join(alice.home, 'team.json'), JSON.stringify(connection));
    expect((await alice.team.sync()).problem).toBeNull();
    expect(await teamLogOf(t, alice.vaultId)).toEqual(localLogLines(alice.home));
  });

  it('finds a leaked key by fingerprint from any member, saying whose it is and whether it is mine', async () => {
    const t = await team();
    const alice = await t.member('alice');
    const bob = await t.member('bob');
    const [leaked] = await addKeys(alice, 1);
    await alice.team.sync();
    const fingerprint = alice.metadata.read().keys[0]!.fingerprint;
    const fromBob = await bob.team.find(fingerprint);
    expect(fromBob).toMatchObject([{ member: 'alice', machine: 'alice-laptop', mine: false, keyId: leaked!.id }]);
    expect((await alice.team.find(fingerprint))[0]?.mine).toBe(true);
    expect((await bob.team.vaults()).map((x) => x.member).sort()).toEqual(['alice', 'bob']);
  });

  it('catches a local log edited or cut short against the team copy, and delivers no more of it', async () => {
    const t = await team();
    const alice = await t.member('alice');
    await addKeys(alice, 2);
    await alice.team.sync();
    expect((await alice.team.verifyLog()).state).toBe('matched');
    const logPath = join(alice.home, 'audit.log');
    const original = readFileSync(logPath, 'utf8');
    const lines = original.split('\n');
    lines[1] = lines[1]!.replace('"outcome":"ok"', '"outcome":"failed"');
    writeFileSync(logPath, lines.join('\n'));
    const edited = await alice.team.verifyLog();
    expect(edited.state).toBe('diverged');
    expect(edited.problems[0]?.line).toBe(2);
    // Cut short: the last entry the team holds is gone here.
    writeFileSync(logPath, `${original.split('\n').slice(0, 2).join('\n')}\n`);
    const cut = await alice.team.verifyLog();
    expect(cut.state).toBe('diverged');
    expect(cut.problems.some((p) => p.line === null)).toBe(true);
    const outcome = await alice.team.sync();
    expect(outcome.problem?.code).toBe('team.log-shorter');
    // Rewritten to as many lines again (a forged log): the head no longer matches.
    writeFileSync(logPath, original.replace(/"outcome":"ok"/g, '"outcome":"info"'));
    expect((await alice.team.sync()).problem?.code).toBe('team.log-diverged');
    const teamLines = await teamLogOf(t, alice.vaultId);
    expect(teamLines).toEqual(original.split('\n').filter((l) => l.length > 0).slice(0, teamLines.length));
  });

  it('forbids a member who is not a lead from setting the team policy; a lead sets it and members work under it', async () => {
    const t = await team();
    const lead = await t.member('lena', { lead: true });
    const alice = await t.member('alice');
    await expect(alice.team.setPolicy({ defaults: { production: 10, sandbox: 10 } })).rejects.toMatchObject({ problem: { code: 'team.lead-only' } });
    await lead.team.setPolicy({ defaults: { production: 30, sandbox: 45 } });
    expect(await alice.team.policy()).toEqual({ defaults: { production: 30, sandbox: 45 } });
    await alice.team.sync();
    expect(readSyncState(alice.home).policy).toEqual({ defaults: { production: 30, sandbox: 45 } });
    await addKeys(alice, 1);
    await alice.team.sync();
    const rows = await collect(lead.team.audit({ member: 'alice' }));
    expect(rows[0]?.maxAgeDays).toBe(45);
    setTeamPolicyCeiling(alice.home, null);
    setTeamPolicyCeiling(lead.home, null);
  });

  it('disconnects: the team is told, the files and the keychain password go, and it is audited', async () => {
    const t = await team();
    const lead = await t.member('lena', { lead: true });
    const alice = await t.member('alice');
    await addKeys(alice, 1);
    await alice.team.sync();
    await alice.team.disconnect();
    expect(alice.team.connected()).toBe(false);
    expect(await alice.secrets.get(alice.deps.keychainService, TEAM_PASSWORD_ACCOUNT)).toBeNull();
    expect(Object.keys(filesUnder(alice.home)).filter((f) => f.startsWith('team') && f !== 'team-sync.json')).toEqual([]);
    expect(localLogLines(alice.home).some((l) => l.includes('"action":"team.disconnect"'))).toBe(true);
    expect((await collect(lead.team.audit({}))).filter((r) => r.member === 'alice')).toEqual([]);
    expect(localLogLines(alice.home).every((l) => !l.includes(new URL(alice.url).password))).toBe(true);
  });

  it('init and invite need the administrator connection kept on this machine', async () => {
    const v = teamTestVault(tempHome(), { secrets: new MemorySecretStore() });
    others.push(v);
    await expect(v.team.invite({ member: 'x', lead: false })).rejects.toMatchObject({ problem: { code: 'team.no-admin-connection' } });
    await expect(v.team.sync()).rejects.toMatchObject({ problem: { code: 'team.not-connected' } });
    expect(await v.team.verifyLog()).toEqual({ state: 'not-connected', teamEntries: 0, problems: [] });
  });
});
