import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compactOutbox, outboxPath, readOutbox } from '../../../../../electron/core/node/team/outbox.js';
import { EMPTY_SYNC_STATE, readSyncState, writeConnection, writeSyncState } from '../../../../../electron/core/node/team/team-files.js';
import { MemorySecretStore } from '../../../../support/memory-secret-store.js';
import { tempHome } from '../../../../support/temp-home.js';
import { addKeys, noraLive, teamTestVault, type TeamTestVault } from './team-vault.js';

/** The outbox: which keys each change touched, recorded under the vault lock before the change is written. */
describe('team outbox recorder', () => {
  const opened: TeamTestVault[] = [];
  afterEach(async () => {
    for (const v of opened.splice(0)) await v.close();
  });
  const open = (home = tempHome()) => {
    const v = teamTestVault(home, { secrets: new MemorySecretStore() });
    opened.push(v);
    return v;
  };
  const join_ = (v: TeamTestVault) =>
    writeConnection(v.home, { url: 'postgresql://kt_t_m@127.0.0.1:5432/db', team: 't', member: 'm', role: 'kt_t_m', lead: false, machine: 'laptop-1', connectedAt: new Date().toISOString() });

  it('records nothing in a vault not joined to a team', async () => {
    const v = open();
    await addKeys(v, 2);
    expect(readOutbox(v.home)).toEqual([]);
  });

  it('names only the key a change touched, and the removed key on removal', async () => {
    const v = open();
    const [a, b] = await addKeys(v, 2);
    join_(v);
    await v.vault.renameKey(a!.id, 'renamed');
    await v.vault.removeKey(b!.id, { yes: true });
    const entries = readOutbox(v.home);
    expect(entries[0]).toEqual({ n: 1, keys: [a!.id] });
    expect(entries.at(-1)?.keys).toEqual([b!.id]);
    expect(entries.map((e) => e.n)).toEqual(entries.map((_, i) => i + 1));
  });

  it('records a new key, and "all" when an instance or the policy changes', async () => {
    const v = open();
    join_(v);
    const [a] = await addKeys(v, 1);
    // The first key came with its new instance: every row may show it.
    expect(readOutbox(v.home).at(-1)?.keys).toBe('all');
    await addKeys(v, 1, 'second');
    const second = v.metadata.read().keys.find((k) => k.name === 'second-0');
    expect(readOutbox(v.home).at(-1)?.keys).toEqual([second?.id]);
    await v.metadata.update((doc) => ({ doc: { ...doc, policy: { ...doc.policy, defaults: { production: 30, sandbox: 60 } } }, result: undefined }));
    expect(readOutbox(v.home).at(-1)?.keys).toBe('all');
    await v.vault.addInstance(noraLive);
    expect(readOutbox(v.home).at(-1)?.keys).toBe('all');
    expect(a).toBeDefined();
  });

  it('appends nothing for a change the team does not see (a reminder record)', async () => {
    const v = open();
    await addKeys(v, 1);
    join_(v);
    await v.metadata.update((doc) => ({ doc: { ...doc, scheduledVerifyHours: 12 }, result: undefined }));
    expect(readOutbox(v.home)).toEqual([]);
  });

  it('ignores a torn last line (a crash in the middle of an append) and starts the next entry on a line of its own', async () => {
    const v = open();
    const [a] = await addKeys(v, 1);
    join_(v);
    await v.vault.renameKey(a!.id, 'one');
    appendFileSync(outboxPath(v.home), '{"n":2,"keys":["half');
    expect(readOutbox(v.home)).toEqual([{ n: 1, keys: [a!.id] }]);
    await v.vault.renameKey(a!.id, 'two');
    expect(readOutbox(v.home)).toEqual([
      { n: 1, keys: [a!.id] },
      { n: 2, keys: [a!.id] },
    ]);
  });

  it('never reuses a number once the outbox is compacted (the newest is kept in team-sync.json)', async () => {
    const v = open();
    const [a] = await addKeys(v, 1);
    join_(v);
    await v.vault.renameKey(a!.id, 'one');
    await v.vault.renameKey(a!.id, 'two');
    writeSyncState(v.home, { ...EMPTY_SYNC_STATE, deliveredN: 2, lastN: 2 });
    compactOutbox(v.home, 2);
    expect(readFileSync(outboxPath(v.home), 'utf8')).toBe('');
    await v.vault.renameKey(a!.id, 'three');
    expect(readOutbox(v.home)).toEqual([{ n: 3, keys: [a!.id] }]);
  });

  it('keeps the vault writable when team-sync.json is damaged (the sync reports it, not every write)', async () => {
    const v = open();
    const [a] = await addKeys(v, 1);
    join_(v);
    writeFileSync(join(v.home, 'team-sync.json'), '{ not json');
    await v.vault.renameKey(a!.id, 'still-writable');
    expect(readOutbox(v.home)).toEqual([{ n: 1, keys: [a!.id] }]);
    expect(() => readSyncState(v.home)).toThrow(expect.objectContaining({ problem: expect.objectContaining({ code: 'team.state-unreadable' }) }));
  });
});
