import { RefreshCw, Unplug } from 'lucide-react';
import type { FormEvent } from 'react';
import type { TeamStatus } from '../../../../electron/contract/views.js';
import { FieldMessage, fieldMessageProps } from '../../ui/FieldMessage.js';
import { lastSyncText, reachableText, syncOutcomeText, waitingText } from './team-text.js';
import { useTeamSettings, type TeamField, type TeamSettingsControl } from './useTeamSettings.js';
import './team.css';

const noteId = (field: TeamField) => `team-${field}-message`;

/** Settings → Team: join the vault to a team, or see its connection, sync now and leave. */
export function TeamSettings() {
  const team = useTeamSettings();
  if (!team.status) return <p>{team.general ?? 'Loading…'}</p>;
  return team.status.connected ? <Connected team={team} status={team.status} /> : <ConnectForm team={team} />;
}

function ConnectForm({ team }: { team: TeamSettingsControl }) {
  function submit(e: FormEvent) {
    e.preventDefault();
    void team.connect();
  }
  const field = (name: TeamField) => ({ ...fieldMessageProps(noteId(name), team.at(name)), disabled: team.busy === 'connect' });
  return (
    <form className="form" aria-label="Connect to a team" onSubmit={submit}>
      <p className="muted">
        The team sees each key’s metadata — its name, environment, masked key, fingerprint, dates and where it is used — and this vault’s audit log. Never a secret: those stay in this computer’s keychain.
      </p>
      <label>
        <span>Team database URL (from your team administrator’s invitation)</span>
        <input value={team.url} onChange={(e) => team.setUrl(e.target.value)} placeholder="postgresql://ROLE@HOST:5432/DATABASE" autoComplete="off" spellCheck={false} required {...field('url')} />
      </label>
      <FieldMessage id={noteId('url')} text={team.at('url')} />
      <label>
        <span>Team name</span>
        <input value={team.team} onChange={(e) => team.setTeam(e.target.value)} autoComplete="off" spellCheck={false} required {...field('team')} />
      </label>
      <FieldMessage id={noteId('team')} text={team.at('team')} />
      <label>
        <span>Member name (optional: the one your invitation is for)</span>
        <input value={team.member} onChange={(e) => team.setMember(e.target.value)} autoComplete="off" spellCheck={false} {...field('member')} />
      </label>
      <FieldMessage id={noteId('member')} text={team.at('member')} />
      <label>
        <span>Password (when the URL holds none; kept in this computer’s keychain)</span>
        <input type="password" value={team.password} onChange={(e) => team.setPassword(e.target.value)} autoComplete="off" {...field('password')} />
      </label>
      <FieldMessage id={noteId('password')} text={team.at('password')} />
      {team.general && (
        <p role="alert" className="error">
          {team.general}
        </p>
      )}
      <div className="team-actions">
        <button type="submit" className="primary" aria-disabled={team.busy === 'connect' || undefined}>
          {team.busy === 'connect' ? 'Connecting…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}

function Connected({ team, status }: { team: TeamSettingsControl; status: TeamStatus }) {
  return (
    <section aria-label="Team connection">
      <dl className="facts team-facts" data-testid="team-status">
        <dt>Team</dt>
        <dd>{status.team}</dd>
        <dt>Member</dt>
        <dd>{status.lead ? `${status.member ?? ''} (a lead: reads every member’s audit log)` : status.member}</dd>
        <dt>Machine</dt>
        <dd>{status.machine}</dd>
        <dt>Database</dt>
        <dd className="mono">{status.database}</dd>
        <dt>Database reachable</dt>
        <dd data-testid="team-reachable">{team.busy === 'probe' ? 'Asking…' : reachableText(status)}</dd>
        <dt>Last sync</dt>
        <dd>{lastSyncText(status.lastSyncAt)}</dd>
        <dt>Changes waiting</dt>
        <dd data-testid="team-waiting">{waitingText(status.waiting)}</dd>
      </dl>
      <div className="team-actions">
        <button type="button" onClick={() => void team.syncNow()} aria-disabled={team.busy !== null || undefined}>
          <RefreshCw size={14} aria-hidden className={team.busy === 'sync' ? 'spin' : undefined} /> {team.busy === 'sync' ? 'Syncing…' : 'Sync now'}
        </button>
        <button type="button" onClick={() => void team.probe()} aria-disabled={team.busy !== null || undefined}>
          Check the connection
        </button>
        <button type="button" className="danger" onClick={team.askDisconnect} aria-expanded={team.confirmingDisconnect}>
          <Unplug size={14} aria-hidden /> Disconnect…
        </button>
      </div>
      {team.confirmingDisconnect && (
        <div role="group" aria-label="Disconnect from the team" className="team-confirm">
          <p>
            Leave team <strong>{status.team}</strong>? This vault’s keys leave the team’s inventory; the audit log entries the team holds stay its record. Your keys and secrets here do not change.
          </p>
          <div className="team-actions">
            <button type="button" onClick={team.cancelDisconnect} autoFocus>
              Stay in the team
            </button>
            <button type="button" className="danger" onClick={() => void team.disconnect()} aria-disabled={team.busy === 'disconnect' || undefined}>
              Disconnect from {status.team}
            </button>
          </div>
        </div>
      )}
      {team.synced && (
        <p role="status" data-testid="team-sync-outcome">
          {syncOutcomeText(team.synced)}
        </p>
      )}
      {team.general && (
        <p role="alert" className="error">
          {team.general}
        </p>
      )}
    </section>
  );
}
