import { afterEach, describe, expect, it } from 'vitest';
import { auditRows } from '../../../../../electron/core/audit/audit-report.js';
import { EMPTY_SYNC_STATE, writeConnection, writeSyncState } from '../../../../../electron/core/node/team/team-files.js';
import { changedTeamPolicy } from '../../../../../electron/core/policy/team-policy-change.js';
import { setTeamPolicyCeiling } from '../../../../../electron/core/policy/team-ceiling.js';
import { attentionCount } from '../../../../../electron/core/reminders/due-reminders.js';
import { teamAuditRowAt, type StoredTeamKey } from '../../../../../electron/core/team/team-audit.js';
import { MemorySecretStore } from '../../../../support/memory-secret-store.js';
import { tempHome } from '../../../../support/temp-home.js';
import { addKeys, teamTestVault, type TeamTestVault } from './team-vault.js';

const DAY = 86_400_000;

/** The team-wide policy is a ceiling: a member's own settings can only be stricter, in every policy state worked out. */
describe('team policy ceiling', () => {
  const opened: TeamTestVault[] = [];
  afterEach(async () => {
    for (const v of opened.splice(0)) {
      setTeamPolicyCeiling(v.home, null);
      await v.close();
    }
  });

  /** A vault with one sandbox key created 100 days ago, joined to a team whose cached policy is `policy`. */
  async function vaultUnder(policy: Parameters<typeof writeSyncState>[1]['policy']): Promise<TeamTestVault> {
    const home = tempHome();
    const created = new Date(Date.now() - 100 * DAY);
    const seed = teamTestVault(home, { secrets: new MemorySecretStore(), clock: { now: () => created } });
    await addKeys(seed, 1);
    await seed.close();
    writeConnection(home, { url: 'postgresql://kt_t_m@127.0.0.1:5432/db', team: 't', member: 'm', role: 'kt_t_m', lead: false, machine: 'laptop-1', connectedAt: new Date().toISOString() });
    writeSyncState(home, { ...EMPTY_SYNC_STATE, policy });
    // Opened as a host opens it: the store's recorder puts the cached team policy in force.
    const v = teamTestVault(home, { secrets: new MemorySecretStore() });
    opened.push(v);
    return v;
  }

  it('forbids a member policy looser than the team default (the audit view and reminders show the key overdue)', async () => {
    const v = await vaultUnder({ defaults: { production: 30, sandbox: 90 } });
    const [row] = auditRows(v.metadata.read(), new Date());
    expect(row?.maxAgeDays).toBe(90);
    expect(row?.policyState).toBe('overdue');
    expect(attentionCount(v.metadata.read(), new Date())).toBe(1);
  });

  it('keeps a member policy stricter than the team one', async () => {
    const v = await vaultUnder({ defaults: { production: 90, sandbox: 365 } });
    await v.metadata.update((doc) => ({ doc: { ...doc, policy: { defaults: { production: 90, sandbox: 45 } } }, result: undefined }));
    expect(auditRows(v.metadata.read(), new Date())[0]?.maxAgeDays).toBe(45);
  });

  it('applies the team policy by provider and by instance ref, and a key of its own cannot escape it', async () => {
    const v = await vaultUnder({ providers: { nora: { sandbox: 120 } }, instances: { 'nora/acme/sandbox': 60 } });
    expect(auditRows(v.metadata.read(), new Date())[0]?.maxAgeDays).toBe(60);
    const id = v.metadata.read().keys[0]!.id;
    await v.metadata.update((doc) => ({ doc: { ...doc, keys: doc.keys.map((k) => (k.id === id ? { ...k, maxAgeDays: 400 } : k)) }, result: undefined }));
    expect(auditRows(v.metadata.read(), new Date())[0]?.maxAgeDays).toBe(60);
  });

  it('leaves a vault not joined to a team as it was', async () => {
    const home = tempHome();
    const v = teamTestVault(home, { secrets: new MemorySecretStore(), clock: { now: () => new Date(Date.now() - 100 * DAY) } });
    opened.push(v);
    await addKeys(v, 1);
    writeSyncState(home, { ...EMPTY_SYNC_STATE, policy: { defaults: { production: 1, sandbox: 1 } } });
    const again = teamTestVault(home, { secrets: new MemorySecretStore() });
    opened.push(again);
    expect(auditRows(again.metadata.read(), new Date())[0]?.maxAgeDays).toBe(180);
  });

  it('recomputes team audit rows under a tightened team policy', () => {
    setTeamPolicyCeiling('/nowhere', { defaults: { production: 30, sandbox: 30 } });
    try {
      const stored = { status: 'active', createdAt: new Date(Date.now() - 40 * DAY).toISOString(), maxAgeDays: 180, expiresOn: null, env: 'sandbox', provider: 'nora' } as unknown as StoredTeamKey;
      expect(teamAuditRowAt(stored, new Date()).policyState).toBe('overdue');
    } finally {
      setTeamPolicyCeiling('/nowhere', null);
    }
  });

  it('changes one level of the team policy as policy set changes the vault one', () => {
    const one = changedTeamPolicy(null, { scope: { kind: 'default' }, days: { production: 30 } });
    expect(one).toEqual({ defaults: { production: 30, sandbox: 180 } });
    const two = changedTeamPolicy(one, { scope: { kind: 'instance', ref: 'nora/acme/live' }, days: 14 });
    expect(two?.instances).toEqual({ 'nora/acme/live': 14 });
    const three = changedTeamPolicy(two, { scope: { kind: 'provider', provider: 'nora' }, days: { sandbox: 60 } });
    expect(three?.providers).toEqual({ nora: { sandbox: 60 } });
    expect(changedTeamPolicy(three, { scope: { kind: 'instance', ref: 'nora/acme/live' }, days: null })?.instances).toBeUndefined();
  });
});
