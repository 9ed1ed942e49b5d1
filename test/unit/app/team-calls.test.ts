import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openAppCore, type AppCore } from '../../../electron/app/app-core.js';
import { createHandlers } from '../../../electron/app/handlers.js';
import type { EventName } from '../../../electron/contract/names.js';
import { ProblemError, problem } from '../../../electron/core/domain/problems/problem-error.js';
import type { StoredTeamKey } from '../../../electron/core/team/team-audit.js';
import type { TeamStatus } from '../../../electron/core/team/team-connection.js';
import type { TeamLeakMatch, TeamService } from '../../../electron/core/team/team-service.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';
import { memorySecrets } from './memory-secrets.js';

const opened: AppCore[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const joinedStatus: TeamStatus = { connected: true, team: 'platform', member: 'ana', machine: 'ana-laptop', lead: true, database: '127.0.0.1:5432/keyturn', reachable: true, problem: null, lastSyncAt: null, waiting: { keys: 0, auditEntries: 0 } };

const bobsKey = (over: Partial<TeamLeakMatch> = {}): TeamLeakMatch => ({
  member: 'bob',
  machine: 'bob-desktop',
  vaultId: 'vault-bob',
  mine: false,
  keyId: 'key-bob',
  ref: 'xora/acme/main/worker',
  provider: 'xora',
  org: 'acme',
  instance: 'main',
  env: 'production',
  maskedKey: 'nte_ab12…',
  status: 'active',
  usageSites: [{ kind: 'target', where: '/srv/app/.env (XORA_KEY)' }],
  syncedAt: '2026-11-30T10:00:00.000Z',
  ...over,
});

const stored = (member: string, ref: string): StoredTeamKey => ({
  vaultId: `vault-${member}`,
  member,
  machine: `${member}-laptop`,
  syncedAt: '2026-11-30T10:00:00.000Z',
  keyId: `${member}-${ref}`,
  fingerprint: sha256(ref),
  usageSites: [],
  ref,
  provider: 'xora',
  org: 'acme',
  instance: 'main',
  env: 'sandbox',
  maskedKey: 'nte_ab…',
  status: 'active',
  rejected: false,
  pendingFor: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  ageDays: 29,
  expiresOn: null,
  maxAgeDays: 180,
  policyState: 'ok',
  dueOn: null,
  dueBy: null,
  lastVerifiedAt: null,
  lastVerification: null,
  lastRotationAt: null,
  lastRotation: null,
});

/** A team service that answers what a test gives it; anything else it is asked fails the test. */
function fakeTeam(over: Partial<TeamService>): TeamService {
  const unexpected = (name: string) => () => {
    throw new Error(`the test did not expect team.${name}`);
  };
  const names = ['status', 'connect', 'disconnect', 'sync', 'audit', 'vaults', 'find', 'verifyLog', 'policy', 'setPolicy', 'init', 'invite'] as const;
  const base = Object.fromEntries(names.map((n) => [n, unexpected(n)])) as unknown as TeamService;
  return { ...base, connected: () => true, close: async () => undefined, ...over };
}

/** The app's handlers on a real core over a fresh vault home, its team service stood in by `team`. */
async function appWithTeam(team: TeamService) {
  const core = openAppCore(tempHome(), { name: 'the Keyturn app', secrets: memorySecrets() });
  opened.push(core);
  Object.assign(core, { team });
  const events: EventName[] = [];
  const handlers = createHandlers(core, { copy: null, openExternal: async () => false, pickPath: null, emit: (event) => void events.push(event) });
  await handlers['instance.add']({ provider: 'xora', org: 'acme', name: 'main', env: 'production' });
  const own = sampleKeys.xora();
  await handlers['key.add']({ instanceRef: 'xora/acme/main', name: 'api', secret: own, verify: false });
  events.length = 0;
  return { core, handlers, events, own };
}

describe('Emergency revoke asks the team', () => {
  it('the pasted key never leaves the host: the team is asked by the SHA-256 of a key the vault does not hold, never for the vault’s own', async () => {
    const find = vi.fn<TeamService['find']>(async () => [bobsKey()]);
    const app = await appWithTeam(fakeTeam({ find }));
    const leaked = sampleKeys.xora();
    const found = await app.handlers['emergency.find']({ leaked: `ours ${app.own}\ntheirs XORA_KEY=${leaked}` });
    expect(find.mock.calls).toEqual([[sha256(leaked)]]);
    expect(JSON.stringify(find.mock.calls)).not.toContain(leaked);
    const theirs = found.candidates.find((c) => c.match === null);
    expect(found.team).toEqual({ matches: [{ ...bobsKey(), masked: theirs?.masked }], problem: null });
    expect(JSON.stringify(found)).not.toContain(leaked);
    expect(JSON.stringify(found)).not.toContain(app.own);
  });

  it('a team database that does not answer is a problem beside what the vault found, never a failed look-up', async () => {
    const unreachable = problem('team.unreachable', { database: '127.0.0.1:5432/keyturn', reason: 'connection refused' });
    const app = await appWithTeam(fakeTeam({ find: async () => Promise.reject(new ProblemError(unreachable)) }));
    const found = await app.handlers['emergency.find']({ leaked: sampleKeys.xora() });
    expect(found.candidates).toHaveLength(1);
    expect(found.team).toEqual({ matches: [], problem: unreachable });
  });

  it('a failure that is not a team problem is said without its text (a driver’s message is not ours to show)', async () => {
    const app = await appWithTeam(fakeTeam({ find: async () => Promise.reject(new Error('socket hang up at 0x1f')) }));
    const found = await app.handlers['emergency.find']({ leaked: sampleKeys.xora() });
    expect(found.team?.matches).toEqual([]);
    expect(found.team?.problem?.code).toBe('team.database-failed');
    expect(JSON.stringify(found.team)).not.toContain('socket hang up');
  });

  it('a vault not joined to a team asks nothing: no team part at all', async () => {
    const find = vi.fn<TeamService['find']>(async () => []);
    const app = await appWithTeam(fakeTeam({ connected: () => false, find }));
    const found = await app.handlers['emergency.find']({ leaked: sampleKeys.xora() });
    expect(found.team).toBeNull();
    expect(find).not.toHaveBeenCalled();
  });

  it('the vault’s own key alone is a local match: the team is not asked', async () => {
    const find = vi.fn<TeamService['find']>(async () => []);
    const app = await appWithTeam(fakeTeam({ find }));
    const found = await app.handlers['emergency.find']({ leaked: app.own });
    expect(found.candidates[0]?.match?.ref).toBe('xora/acme/main/api');
    expect(find).not.toHaveBeenCalled();
    expect(found.team).toEqual({ matches: [], problem: null });
  });
});

describe('the team calls', () => {
  it('connect, sync and disconnect tell the page with team.changed; status is the service’s', async () => {
    const connect = vi.fn<TeamService['connect']>(async () => joinedStatus);
    const notJoined: TeamStatus = { ...joinedStatus, connected: false, team: null, member: null, machine: null, database: null, reachable: null };
    const app = await appWithTeam(
      fakeTeam({
        connect,
        status: async ({ probe }) => (probe ? joinedStatus : notJoined),
        sync: async () => ({ delivered: { keys: 1, auditEntries: 2 }, waiting: { keys: 0, auditEntries: 0 }, problem: null, at: '2026-12-01T00:00:00.000Z' }),
        disconnect: async () => undefined,
      }),
    );
    expect(await app.handlers['team.status']({ probe: true })).toEqual(joinedStatus);
    expect(app.events).toEqual([]);
    const args = { url: 'postgresql://kt_platform_ana@127.0.0.1:5432/keyturn', team: 'platform', password: 'not-echoed' };
    expect(await app.handlers['team.connect'](args)).toEqual(joinedStatus);
    expect(connect).toHaveBeenCalledWith(args);
    expect((await app.handlers['team.sync']({})).delivered).toEqual({ keys: 1, auditEntries: 2 });
    expect(await app.handlers['team.disconnect']({})).toEqual(notJoined);
    expect(app.events).toEqual(['team.changed', 'team.changed', 'team.changed']);
  });

  it('the team audit gathers every batch, with the summary over them all and the team’s vaults', async () => {
    const audit = vi.fn<TeamService['audit']>(async function* () {
      yield [stored('ana', 'xora/acme/main/a')];
      yield [stored('bob', 'xora/acme/main/b'), stored('bob', 'xora/acme/main/c')];
    });
    const vaults = [{ vaultId: 'vault-ana', member: 'ana', machine: 'ana-laptop', joinedAt: '2026-11-01T00:00:00.000Z', lastSyncAt: null }];
    const app = await appWithTeam(fakeTeam({ audit, vaults: async () => vaults }));
    const report = await app.handlers['team.audit']({ env: 'sandbox' });
    expect(audit).toHaveBeenCalledWith({ env: 'sandbox' });
    expect(report.rows.map((r) => `${r.member} ${r.ref}`)).toEqual(['ana xora/acme/main/a', 'bob xora/acme/main/b', 'bob xora/acme/main/c']);
    expect(report.summary.keys).toBe(3);
    expect(report.vaults).toEqual(vaults);
  });
});
