// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LeakCandidateView, LeakFinding } from '../../../../../electron/contract/views.js';
import { candidateLabel } from '../../../../../renderer/src/features/emergency/candidate-label.js';
import { teamMatchAdvice, teamMatchHeading, usageSiteText } from '../../../../../renderer/src/features/team/team-text.js';
import { teamMatchesOf, useEmergency, type TeamLeakMatchView } from '../../../../../renderer/src/features/emergency/useEmergency.js';
import { fakeHost, keyRow, resetAppBetweenTests } from '../../fake-host.js';
import { unreachable } from '../team/fixtures.js';

resetAppBetweenTests();
afterEach(cleanup);

const guide = { url: 'https://dashboard.xora.test/keys', steps: ['Open API keys', 'Press Revoke on the key'] };
const theirs: LeakCandidateView = { line: 1, masked: 'nte_Zx81…', match: null, guess: { provider: 'Xora', environment: 'production', guide } };
const key = keyRow();
const ours: LeakCandidateView = { line: 2, masked: key.maskedKey, match: { ref: key.ref, key, targets: [], referenceSites: [], scanSites: [] }, guess: null };
const bobs: TeamLeakMatchView = {
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
  maskedKey: 'nte_Zx81…',
  status: 'active',
  usageSites: [
    { kind: 'target', where: '/srv/worker/.env (XORA_KEY)' },
    { kind: 'found', where: 'deploy.sh:2 in commit abc1234' },
  ],
  syncedAt: '2026-11-30T10:00:00.000Z',
  masked: 'nte_Zx81…',
};
const team: NonNullable<LeakFinding['team']> = { matches: [bobs], problem: null };

describe('Emergency revoke: the team’s match of a key this vault does not hold', () => {
  it('the one pasted key, not in the vault but in the team: its holder is found, and no local key is offered to revoke', async () => {
    fakeHost({ emergencyFind: async () => ({ candidates: [theirs], team }) });
    const { result } = renderHook(() => useEmergency(undefined));
    await act(() => result.current.find());
    expect(result.current.match).toBeNull();
    expect(result.current.canRevoke).toBe(true);
    expect(result.current.teamMatches).toEqual([bobs]);
    // The provider's steps stay at hand for the holder's key.
    expect(result.current.chosenCandidate?.guess?.guide).toEqual(guide);
  });

  it('the vault’s own key is a local match: the team’s holders are not looked for it', async () => {
    expect(teamMatchesOf(team, ours)).toEqual([]);
    expect(teamMatchesOf(null, theirs)).toEqual([]);
    fakeHost({ emergencyFind: async () => ({ candidates: [ours, theirs], team }), keyDetail: async () => Promise.reject(new Error('not asked')) });
    const { result } = renderHook(() => useEmergency(undefined));
    await act(() => result.current.find());
    expect(result.current.teamMatches).toEqual([]);
    await act(() => result.current.choose(result.current.candidates ?? [], 1));
    expect(result.current.teamMatches).toEqual([bobs]);
  });

  it('in a paste of several keys, the one the team holds is named by its holder', () => {
    expect(candidateLabel(theirs, ['bob'])).toBe('Not in the vault: bob’s key in the team (nte_Zx81…) — line 1');
    expect(candidateLabel(theirs)).toBe('Not in the vault: looks like a Xora key (production) (nte_Zx81…) — line 1');
  });

  it('says whose key it is, on which machine, where it is used, and that the holder must revoke it', () => {
    expect(teamMatchHeading(bobs)).toBe('bob’s key, on bob-desktop');
    expect(bobs.usageSites.map(usageSiteText)).toEqual(['Swapped into /srv/worker/.env (XORA_KEY)', 'Found in plain text in deploy.sh:2 in commit abc1234']);
    expect(teamMatchAdvice(bobs)).toBe('bob must revoke it: only their vault holds this key and can prove the provider rejects it. Tell them now, naming xora/acme/main/worker; Emergency revoke on their machine does the rest.');
    expect(teamMatchAdvice({ ...bobs, status: 'revoked' })).toBe('It is revoked already, as of its holder’s last sync.');
  });

  it('a team database that does not answer leaves what the vault found as it was, with the problem beside it', async () => {
    fakeHost({ emergencyFind: async () => ({ candidates: [theirs], team: { matches: [], problem: unreachable } }) });
    const { result } = renderHook(() => useEmergency(undefined));
    await act(() => result.current.find());
    expect(result.current.failure).toBeNull();
    expect(result.current.team?.problem).toEqual(unreachable);
    expect(result.current.teamMatches).toEqual([]);
    expect(result.current.chosenCandidate).toEqual(theirs);
  });
});
