// team init and team invite: the team and its groups, each member's own role and its URL.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTeam, inviteMember } from '../../../../../../electron/core/node/team/pg/admin.js';
import { parseTeamUrl } from '../../../../../../electron/core/node/team/pg/connection-url.js';
import { openPgTeamDatabase } from '../../../../../../electron/core/node/team/pg/pg-team-database.js';
import { freshTeamDatabase } from '../../../../../support/team-database.js';

let adminUrl: string;
let suffix: string;
let team: string;
let admin: pg.Client;
beforeAll(async () => {
  ({ adminUrl, suffix } = await freshTeamDatabase('admin'));
  team = `acme-${suffix}`;
  admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
});
afterAll(async () => admin.end());

describe('initTeam', () => {
  it('creates the team once (created, then not)', async () => {
    expect(await initTeam({ url: adminUrl, password: '', team })).toMatchObject({ team, created: true, schemaVersion: 1 });
    expect(await initTeam({ url: adminUrl, password: '', team })).toMatchObject({ team, created: false });
    const groups = await admin.query('SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE $1 ORDER BY rolname', [`kt_${team}.%`]);
    expect(groups.rows).toEqual([{ rolname: `kt_${team}.leads`, rolcanlogin: false }, { rolname: `kt_${team}.members`, rolcanlogin: false }]);
  });

  it.each(['Acme', '1team', 'a'.repeat(41), 'team name', "x'; DROP TABLE keyturn.keys; --", ''])('refuses the team name %j (team.invalid-name)', async (name) => {
    await expect(initTeam({ url: adminUrl, password: '', team: name })).rejects.toMatchObject({ problem: { code: 'team.invalid-name', what: 'team' } });
  });

  it('a connection that may not create schemas or roles is team.not-admin', async () => {
    const role = `kt_plain_${suffix}`;
    await admin.query(`CREATE ROLE "${role}" LOGIN PASSWORD 'plain-pw'`);
    const { adminUrl: otherUrl } = await freshTeamDatabase('notadmin');
    // Its own database, where PUBLIC may not create in public (PostgreSQL 15) and it may not create roles.
    const url = new URL(otherUrl);
    url.username = role;
    url.password = '';
    await expect(initTeam({ url: url.toString(), password: 'plain-pw', team: `z-${suffix}` })).rejects.toMatchObject({ problem: { code: 'team.not-admin' } });
  });
});

describe('inviteMember', () => {
  it("creates the member's own LOGIN role in the members group, and a URL that connects as it", async () => {
    const invited = await inviteMember({ url: adminUrl, password: '', team, member: 'ann', lead: false });
    expect(invited).toMatchObject({ member: 'ann', role: `kt_${team}_ann`, lead: false });
    const parsed = parseTeamUrl(invited.url);
    const adminParsed = parseTeamUrl(adminUrl);
    expect(parsed).toMatchObject({ role: `kt_${team}_ann`, host: adminParsed.host, port: adminParsed.port, database: adminParsed.database });
    expect(parsed.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const db = await openPgTeamDatabase({ url: invited.url, password: '' });
    try {
      expect(await db.identity()).toMatchObject({ team, member: 'ann', lead: false });
    } finally {
      await db.close();
    }
    const role = await admin.query('SELECT rolcanlogin, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = $1', [invited.role]);
    expect(role.rows).toEqual([{ rolcanlogin: true, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false }]);
    const groups = await admin.query('SELECT g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member WHERE m.rolname = $1', [invited.role]);
    expect(groups.rows).toEqual([{ rolname: `kt_${team}.members` }]);
  });

  it('a lead goes in the leads group and says so', async () => {
    const invited = await inviteMember({ url: adminUrl, password: '', team, member: 'lea', lead: true });
    const db = await openPgTeamDatabase({ url: invited.url, password: '' });
    try {
      expect(await db.identity()).toMatchObject({ member: 'lea', lead: true });
    } finally {
      await db.close();
    }
  });

  it('the password never reaches the server as text: the role keeps a SCRAM verifier', async () => {
    const invited = await inviteMember({ url: adminUrl, password: '', team, member: 'sam', lead: false });
    const stored = await admin.query<{ rolpassword: string }>('SELECT rolpassword FROM pg_authid WHERE rolname = $1', [invited.role]);
    expect(stored.rows[0]?.rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/);
    expect(stored.rows[0]?.rolpassword).not.toContain(parseTeamUrl(invited.url).password as string);
  });

  it('refuses a member the team has (team.member-exists), a team it has not (team.no-such-team), and bad names', async () => {
    await expect(inviteMember({ url: adminUrl, password: '', team, member: 'ann', lead: false })).rejects.toMatchObject({ problem: { code: 'team.member-exists', member: 'ann', team } });
    await expect(inviteMember({ url: adminUrl, password: '', team: `nope-${suffix}`, member: 'ann', lead: false })).rejects.toMatchObject({ problem: { code: 'team.no-such-team' } });
    await expect(inviteMember({ url: adminUrl, password: '', team, member: 'Ann', lead: false })).rejects.toMatchObject({ problem: { code: 'team.invalid-name', what: 'member' } });
    const long = `l${suffix}${'x'.repeat(30)}`;
    await initTeam({ url: adminUrl, password: '', team: long });
    await expect(inviteMember({ url: adminUrl, password: '', team: long, member: 'm'.repeat(25), lead: false })).rejects.toMatchObject({ problem: { code: 'team.names-too-long', max: 59 } });
  });

  it('a role name taken on the server by someone else is team.role-taken, and nothing is made', async () => {
    await admin.query(`CREATE ROLE "kt_${team}_eve" NOLOGIN`);
    await expect(inviteMember({ url: adminUrl, password: '', team, member: 'eve', lead: false })).rejects.toMatchObject({ problem: { code: 'team.role-taken', role: `kt_${team}_eve` } });
    expect((await admin.query('SELECT count(*)::int AS n FROM keyturn.members WHERE member = $1', ['eve'])).rows[0]).toEqual({ n: 0 });
  });
});
