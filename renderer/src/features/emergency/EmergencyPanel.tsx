import type { FormEvent, KeyboardEvent } from 'react';
import { Modal } from '../../ui/Modal.js';
import { placeFailure } from '../../ui/placed-failure.js';
import { ShortcutHint } from '../../ui/ShortcutHint.js';
import { SHORTCUTS, withShortcut } from '../../ui/shortcuts.js';
import { useApp } from '../../store/store.js';
import { GuideSteps } from '../rotation/GuideSteps.js';
import { CandidateList } from './CandidateList.js';
import { LeakedKey } from './LeakedKey.js';
import { RevokeOutcome } from './RevokeOutcome.js';
import { TeamMatch } from './TeamMatch.js';
import { teamMatchesOf, useEmergency } from './useEmergency.js';
import { appProblemText } from '../../problems/wordings.js';

const FIND_FORM_ID = 'emergency-find-form';

/**
 * One panel: paste the leaked text → which key it is (or choose among several) and where it is
 * used → revoke → proof of 401 → what next. Opened for one key (its detail's Revoke…), it starts
 * at that key, with no paste.
 */
export function EmergencyPanel({ keyRef }: { keyRef?: string }) {
  const close = useApp((s) => s.close);
  const emergency = useEmergency(keyRef);
  const { phase, candidates, chosenCandidate, match, result, team, teamMatches } = emergency;
  const placed = placeFailure(emergency.failure, match && phase === 'found' && emergency.production ? (['confirmName'] as const) : []);

  function find(e: FormEvent) {
    e.preventDefault();
    void emergency.find();
  }
  // A paste is many lines: Enter is a new line, Ctrl+Enter finds.
  function findOnCtrlEnter(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (SHORTCUTS.submitMultiline.matches(e)) find(e);
  }

  return (
    <Modal
      title="Emergency revoke"
      onClose={close}
      tone="danger"
      wide
      footer={
        <>
          <button type="button" onClick={close}>
            Close
          </button>
          {!keyRef && phase !== 'revoking' && (
            <button type="submit" form={FIND_FORM_ID} className="primary" aria-keyshortcuts={SHORTCUTS.submitMultiline.aria} title={withShortcut('Find the key', SHORTCUTS.submitMultiline)}>
              Find the key <ShortcutHint shortcut={SHORTCUTS.submitMultiline} />
            </button>
          )}
        </>
      }
    >
      {!keyRef && (
        <form id={FIND_FORM_ID} className="form" onSubmit={find}>
          <label>
            <span>
              Paste the leaked key, or the log lines or command holding it (quotes, <code>Bearer</code>, <code>NAME=value</code> are fine)
            </span>
            <textarea
              // At 3 a.m. the paste box is where the cursor already is.
              autoFocus
              value={emergency.leaked}
              onChange={(e) => emergency.setLeaked(e.target.value)}
              onKeyDown={findOnCtrlEnter}
              rows={4}
              autoComplete="off"
              spellCheck={false}
              required
              disabled={phase === 'revoking'}
            />
          </label>
        </form>
      )}
      {candidates && candidates.length === 0 && phase !== 'paste' && (
        <p role="alert" className="warning">
          This text matches no stored key and no known provider: revoke it where it was issued.
        </p>
      )}
      {candidates && candidates.length > 1 && phase !== 'paste' && (
        <CandidateList candidates={candidates} chosen={emergency.chosen} onChoose={(i) => void emergency.choose(candidates, i)} disabled={phase === 'revoking'} teamHolders={(c) => teamMatchesOf(team, c).map((m) => m.member)} />
      )}
      {/* The team database did not answer: what this vault knows is shown all the same. */}
      {team?.problem && phase !== 'paste' && candidates?.some((c) => c.match === null) && (
        <p role="alert" className="warning" data-testid="team-lookup-problem">
          The team could not be asked whose key this is. {appProblemText(team.problem)}
        </p>
      )}
      {phase !== 'paste' &&
        teamMatches.map((m) => <TeamMatch key={`${m.vaultId}/${m.keyId}`} match={m} guide={chosenCandidate?.guess?.guide ?? null} provider={chosenCandidate?.guess?.provider ?? null} />)}
      {chosenCandidate?.guess && teamMatches.length === 0 && phase !== 'paste' && (
        <div role="alert" className="warning">
          <p>
            This key is not in the vault, but it looks like a {chosenCandidate.guess.provider} key{chosenCandidate.guess.environment ? ` (${chosenCandidate.guess.environment})` : ''}. Revoke it there:
          </p>
          <GuideSteps guide={chosenCandidate.guess.guide} />
        </div>
      )}
      {match && phase !== 'paste' && <LeakedKey match={match} emergency={emergency} startedAtKey={Boolean(keyRef)} confirmNote={placed.at('confirmName')} />}
      {phase === 'done' && result && <RevokeOutcome result={result} detail={emergency.detail} referenceSites={match?.referenceSites ?? []} scanSites={match?.scanSites ?? []} guided={emergency.guided} onKeepChecking={() => void emergency.revoke(true)} />}
      {placed.general && (
        <p role="alert" className="error">
          {placed.general}
        </p>
      )}
    </Modal>
  );
}
