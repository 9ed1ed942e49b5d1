import { describe, expect, it } from 'vitest';
import { deliverAfterChange } from '../../../../electron/cli/team/after-change.js';
import type { CliIo } from '../../../../electron/cli/io.js';
import { problem } from '../../../../electron/core/domain/problems/problem-error.js';
import { fakeTeam } from './fake-team.js';

function stderr(): { io: CliIo; text: () => string; out: () => string } {
  let err = '';
  let out = '';
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) } as unknown as CliIo;
  return { io, text: () => err, out: () => out };
}

describe('the delivery at the end of a run that changed the vault', () => {
  it('says nothing when everything was delivered', async () => {
    const { io, text, out } = stderr();
    await deliverAfterChange(fakeTeam({ sync: async () => ({ delivered: { keys: 1, auditEntries: 1 }, waiting: { keys: 0, auditEntries: 0 }, problem: null, at: '' }) }), io);
    expect(text()).toBe('');
    expect(out()).toBe('');
  });

  it('says in one line on stderr how many changes wait and why, never on stdout', async () => {
    const { io, text, out } = stderr();
    const down = problem('team.unreachable', { database: '127.0.0.1:5432/team', reason: 'connection refused' });
    await deliverAfterChange(fakeTeam({ sync: async () => ({ delivered: { keys: 0, auditEntries: 0 }, waiting: { keys: 2, auditEntries: 1 }, problem: down, at: '' }) }), io);
    expect(text()).toMatch(/^team: 3 changes wait: the team database at 127\.0\.0\.1:5432\/team did not answer \(connection refused\)[^\n]*\n$/);
    expect(out()).toBe('');
  });

  it('gives up on a database that does not answer within its bound, and says so', async () => {
    const { io, text } = stderr();
    await deliverAfterChange(fakeTeam({ sync: () => new Promise(() => undefined) }), io, 50);
    expect(text()).toMatch(/^team: 5 changes wait: the team database at 127\.0\.0\.1:5432\/team did not answer \(no answer within 0\.05 s\)/);
  });
});
