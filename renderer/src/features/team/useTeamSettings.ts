import { useEffect, useState } from 'react';
import type { ProblemCode } from '../../../../electron/contract/problems.js';
import type { TeamSyncOutcome } from '../../../../electron/contract/views.js';
import { CallError, hostApi } from '../../api/client.js';
import { useApp } from '../../store/store.js';
import { failureOf } from '../../ui/placed-failure.js';

/** The fields of the connect form, each a place a failure is shown next to. */
export type TeamField = 'url' | 'team' | 'member' | 'password';

/** Which field a team problem is about (by its code, never its text); the rest are said under the form. */
const FIELD_OF: Partial<Record<ProblemCode, TeamField>> = {
  'team.url-invalid': 'url',
  'team.tls-required': 'url',
  'team.tls-failed': 'url',
  'team.unreachable': 'url',
  'team.schema-missing': 'url',
  'team.schema-newer': 'url',
  'team.auth-failed': 'password',
  'team.password-needed': 'password',
  'team.no-such-team': 'team',
  'team.not-a-member': 'member',
};

export interface TeamFormFailure {
  field: TeamField | null;
  text: string;
}

function fieldOf(error: unknown): TeamField | null {
  if (!(error instanceof CallError)) return null;
  const p = error.problem;
  if (p.code === 'team.invalid-name') return p.what === 'team' ? 'team' : 'member';
  return FIELD_OF[p.code] ?? null;
}

/**
 * Settings → Team: the connect form (the password stays in this form's state until it is sent,
 * and is forgotten once the vault is joined), the status with a probe, Sync now, and Disconnect
 * after a confirmation.
 */
export function useTeamSettings() {
  const status = useApp((s) => s.teamStatus);
  const setTeamStatus = useApp((s) => s.setTeamStatus);
  const loadTeamStatus = useApp((s) => s.loadTeamStatus);
  const toast = useApp((s) => s.toast);
  const [url, setUrl] = useState('');
  const [team, setTeam] = useState('');
  const [member, setMember] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<'connect' | 'sync' | 'disconnect' | 'probe' | null>(null);
  const [failure, setFailure] = useState<TeamFormFailure | null>(null);
  const [synced, setSynced] = useState<TeamSyncOutcome | null>(null);
  const [confirmingDisconnect, setConfirmingDisconnect] = useState(false);

  // Opened: ask the database whether it answers now (the status shown says so).
  useEffect(() => {
    setBusy('probe');
    void loadTeamStatus(true).finally(() => setBusy(null));
  }, [loadTeamStatus]);

  async function run<T>(what: NonNullable<typeof busy>, work: () => Promise<T>): Promise<T | null> {
    // A second press while the first is under way (its button says so) asks nothing more.
    if (busy === what) return null;
    setBusy(what);
    setFailure(null);
    try {
      return await work();
    } catch (error) {
      setFailure({ field: fieldOf(error), text: failureOf(error).text });
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function connect() {
    const joined = await run('connect', () =>
      hostApi().teamConnect({ url: url.trim(), team: team.trim(), ...(member.trim() ? { member: member.trim() } : {}), ...(password ? { password } : {}) }),
    );
    if (!joined) return;
    // Joined: the password is in the keychain now, and nowhere in this window.
    setPassword('');
    setUrl('');
    setTeamStatus(joined);
    toast(`Joined team ${joined.team ?? team} as ${joined.member ?? member}`, 'success');
  }

  async function syncNow() {
    const outcome = await run('sync', () => hostApi().teamSync({}));
    if (!outcome) return;
    setSynced(outcome);
    await loadTeamStatus(true);
  }

  async function disconnect() {
    const left = await run('disconnect', () => hostApi().teamDisconnect({}));
    setConfirmingDisconnect(false);
    if (!left) return;
    setSynced(null);
    setTeamStatus(left);
    toast('This vault left the team', 'success');
  }

  return {
    status,
    url,
    setUrl,
    team,
    setTeam,
    member,
    setMember,
    password,
    setPassword,
    busy,
    failure,
    /** A failure next to `field`, when it is about that one. */
    at: (field: TeamField) => (failure?.field === field ? failure.text : null),
    general: failure && failure.field === null ? failure.text : null,
    synced,
    connect,
    syncNow,
    probe: () => run('probe', () => loadTeamStatus(true)),
    confirmingDisconnect,
    askDisconnect: () => setConfirmingDisconnect(true),
    cancelDisconnect: () => setConfirmingDisconnect(false),
    disconnect,
  };
}

export type TeamSettingsControl = ReturnType<typeof useTeamSettings>;
