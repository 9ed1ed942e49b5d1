import { describe, expect, it } from 'vitest';
import { checkAgainstTeam, withTeamCheck } from '../../../../electron/cli/team/log-check.js';
import type { LogVerification } from '../../../../electron/core/audit/audit-entry.js';
import { fail } from '../../../../electron/core/domain/problems/problem-error.js';
import { fakeTeam } from './fake-team.js';

const INTACT: LogVerification = { ok: true, entries: 4, expectedAtLeast: 4, problems: [], notes: [] };

describe("log verify with the team's copy", () => {
  it('fails a log that departs from the team, with the lines named', () => {
    const result = withTeamCheck(INTACT, { state: 'diverged', teamEntries: 4, problems: [{ line: 2, problem: 'entry 2 is not the one the team holds' }] });
    expect(result).toMatchObject({ ok: false, problems: [{ line: 2 }], team: { state: 'diverged' } });
  });

  it('notes a match, and a team that could not be asked, without failing', () => {
    expect(withTeamCheck(INTACT, { state: 'matched', teamEntries: 4, problems: [] })).toMatchObject({ ok: true, notes: ["the team's copy matches: it holds 4 entries of this log"] });
    expect(withTeamCheck(INTACT, { state: 'unreachable', teamEntries: 0, problems: [] })).toMatchObject({ ok: true, notes: ["the team's copy could not be checked: the team database did not answer"] });
  });

  it('a check that fails with a problem is a note that words it', async () => {
    const team = { ...fakeTeam(), verifyLog: async () => fail('team.unreachable', { database: 'db:5432/t', reason: 'timeout' }) };
    const check = await checkAgainstTeam(team);
    expect(withTeamCheck(INTACT, check).notes[0]).toContain("the team's copy could not be checked: the team database at db:5432/t did not answer (timeout)");
  });
});
