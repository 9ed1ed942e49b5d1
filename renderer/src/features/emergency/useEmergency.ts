import { useEffect, useState } from 'react';
import type { KeyDetail, LeakCandidateView, LeakFinding, RevokeResult } from '../../../../electron/contract/views.js';
import { hostApi } from '../../api/client.js';
import { failureOf, type Failure } from '../../ui/placed-failure.js';
import { useApp } from '../../store/store.js';

export type LeakMatch = NonNullable<LeakCandidateView['match']>;
export type TeamFinding = NonNullable<LeakFinding['team']>;
export type TeamLeakMatchView = TeamFinding['matches'][number];

/** The team's matches of one pasted key the vault does not hold (the host masks each as it masked the key). */
export function teamMatchesOf(team: TeamFinding | null, candidate: LeakCandidateView | undefined): TeamLeakMatchView[] {
  if (!team || !candidate || candidate.match) return [];
  return team.matches.filter((m) => m.masked === candidate.masked);
}
export type EmergencyPhase = 'paste' | 'found' | 'revoking' | 'done';

/** How long the host keeps checking for the provider's 401 after revoking. */
const REVOKE_WAIT_SECONDS = 300;

/**
 * The emergency revoke: find which key a pasted text holds (or start at one key), revoke it, and
 * wait for the provider's proof. The pasted text stays here and in the host, never in the store.
 */
export function useEmergency(keyRef: string | undefined) {
  const loadOverview = useApp((s) => s.loadOverview);
  const [leaked, setLeakedText] = useState('');
  // The text the chosen key was found in: the host takes the key out of it again (revoke, resume).
  const [foundIn, setFoundIn] = useState<string | undefined>(undefined);
  const [candidates, setCandidates] = useState<LeakCandidateView[] | null>(null);
  // The team inventory's answer for the paste (null: this vault is not joined to a team).
  const [team, setTeam] = useState<TeamFinding | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [match, setMatch] = useState<LeakMatch | null>(null);
  const [detail, setDetail] = useState<KeyDetail | null>(null);
  const [typedName, setTypedName] = useState('');
  const [phase, setPhase] = useState<EmergencyPhase>('paste');
  const [result, setResult] = useState<RevokeResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const provider = useApp((s) => s.overview?.providers.find((p) => p.id === match?.key.provider));
  const fail = (err: unknown) => setFailure(failureOf(err));

  useEffect(() => {
    if (!keyRef) return;
    void hostApi()
      .keyDetail({ ref: keyRef })
      .then((d) => {
        setDetail(d);
        setMatch({ ref: d.key.ref, key: d.key, targets: d.targets, referenceSites: d.referenceSites, scanSites: d.scanSites });
        setPhase('found');
      })
      .catch((err: unknown) => setFailure(failureOf(err)));
  }, [keyRef]);

  async function choose(list: LeakCandidateView[], index: number) {
    const candidate = list[index];
    setChosen(index);
    setTypedName('');
    setResult(null);
    setPhase('found');
    setMatch(candidate?.match ?? null);
    setDetail(candidate?.match ? await hostApi().keyDetail({ ref: candidate.match.ref }) : null);
  }

  async function find() {
    setFailure(null);
    setResult(null);
    try {
      const found = await hostApi().emergencyFind({ leaked });
      setCandidates(found.candidates);
      setTeam(found.team);
      setFoundIn(leaked);
      setChosen(null);
      setMatch(null);
      setDetail(null);
      if (found.candidates.length === 1) await choose(found.candidates, 0);
      setPhase('found');
    } catch (err) {
      fail(err);
    }
  }

  async function revoke(resume: boolean) {
    if (!match) return;
    setPhase('revoking');
    setFailure(null);
    try {
      const outcome = await hostApi().emergencyRevoke({
        ref: match.ref,
        ...(foundIn !== undefined ? { leaked: foundIn } : {}),
        ...(match.key.env === 'production' ? { confirmInstanceName: typedName } : {}),
        waitSeconds: REVOKE_WAIT_SECONDS,
        resume,
      });
      setResult(outcome);
      if (outcome.proven) {
        setLeakedText('');
        setFoundIn(undefined);
      }
      setPhase('done');
      await loadOverview();
    } catch (err) {
      fail(err);
      setPhase('found');
    }
  }

  const production = match?.key.env === 'production';
  const chosenCandidate = candidates && chosen !== null ? candidates[chosen] : undefined;
  return {
    leaked,
    /** A new paste: what was found for the last one is no longer shown. */
    setLeaked: (text: string) => {
      setLeakedText(text);
      if (phase === 'found') setPhase('paste');
    },
    candidates,
    chosen,
    chosenCandidate,
    team,
    /** The team's holders of the chosen key, when this vault does not hold it. */
    teamMatches: teamMatchesOf(team, chosenCandidate),
    match,
    detail,
    typedName,
    setTypedName,
    phase,
    result,
    failure,
    production,
    /** Production keys are revoked only once their instance name is typed back exactly. */
    canRevoke: !production || typedName === match?.key.instance,
    guided: provider?.revokeBy === 'guided',
    find,
    choose: (list: LeakCandidateView[], index: number) => choose(list, index).catch(fail),
    revoke,
  };
}

export type EmergencyControl = ReturnType<typeof useEmergency>;
