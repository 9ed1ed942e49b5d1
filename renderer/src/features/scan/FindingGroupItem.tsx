import { PlusCircle, RefreshCw, ShieldAlert } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { KeyView } from '../../../../electron/contract/views.js';
import { appProblemText } from '../../problems/wordings.js';
import { useApp } from '../../store/store.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { shortDate } from '../../ui/format.js';
import { BreakableText } from '../references/BreakableText.js';
import { AddFindingForm } from './AddFindingForm.js';
import { placeWhere, shortSha, type FindingGroup } from './scan-groups.js';
import { useAddFinding } from './useAddFinding.js';

/** One key a scan found: whose it is, every place it was found, and the next safe action. */
export function FindingGroupItem({ group, onAdded }: { group: FindingGroup; onAdded: (fingerprint: string, key: KeyView) => void }) {
  const open = useApp((s) => s.open);
  const adding = useAddFinding(group, onAdded);
  const addButton = useRef<HTMLButtonElement>(null);
  const addedNote = useRef<HTMLDivElement>(null);
  // The form and its button are gone once the key is added: the focus goes to what says so, not to the page.
  useEffect(() => {
    if (adding.done) addedNote.current?.focus();
  }, [adding.done]);
  const { match } = group;
  const ref = group.inVault;
  const env = match?.environment ?? group.environment;
  const providerName = useApp((s) => s.overview?.providers.find((p) => p.id === group.providerId)?.displayName ?? group.providerId);
  // A column only where it says something: a variable (.env files), a commit (the history).
  const showVariable = group.places.some((p) => p.variable !== null);
  const showCommit = group.places.some((p) => p.commit !== null);
  const label = ref ? `${group.maskedKey} in your vault as ${ref}` : `${group.maskedKey} not in the vault`;
  return (
    <li className={`scan-group ${ref ? `scan-group-vault${env ? ` scan-group-${env}` : ''}` : ''}`} aria-label={label}>
      <div className="scan-group-head">
        <div className="scan-group-key">
          <code className="mono">{group.maskedKey}</code> {providerName && <span>{providerName}</span>} {env && <EnvBadge env={env} />}
          {ref ? (
            <p className="scan-group-match">
              In your vault as <code>{ref}</code>
              {match && <span className={match.status === 'revoked' ? 'muted' : ''}> — {match.status}</span>}
            </p>
          ) : (
            <p className="muted scan-group-match">Not in the vault</p>
          )}
        </div>
        <div className="actions scan-group-actions">
          {ref && match?.status === 'active' && (
            <button type="button" onClick={() => open({ kind: 'rotate', ref })} aria-label={`Rotate ${ref}`}>
              <RefreshCw size={14} aria-hidden /> Rotate
            </button>
          )}
          {ref && match?.status !== 'revoked' && (
            <button type="button" className="danger" onClick={() => open({ kind: 'emergency', ref })} aria-label={`Emergency revoke ${ref}`}>
              <ShieldAlert size={14} aria-hidden /> Emergency revoke
            </button>
          )}
          {!ref && (
            <button ref={addButton} type="button" onClick={adding.open ? adding.cancel : adding.start} aria-label={`Add to vault ${group.maskedKey}`} aria-expanded={adding.open}>
              <PlusCircle size={14} aria-hidden /> Add to vault
            </button>
          )}
        </div>
      </div>
      {ref && match?.status === 'revoked' && <p className="muted">Revoked already: no emergency. Remove it from these places.</p>}
      <table className="scan-table scan-places" aria-label={`Where ${group.maskedKey} was found`}>
        <thead>
          <tr>
            <th scope="col">Where</th>
            {showVariable && <th scope="col">Variable</th>}
            {showCommit && <th scope="col">Commit</th>}
          </tr>
        </thead>
        <tbody>
          {group.places.map((p) => (
            <tr key={`${p.commit?.sha ?? ''}:${p.file}:${p.line}:${p.column}`}>
              <td className="mono scan-file" title={p.file}>
                <BreakableText text={placeWhere(p)} />
              </td>
              {showVariable && <td>{p.variable !== null ? <code>{p.variable}</code> : <span className="muted">—</span>}</td>}
              {showCommit && (
                <td>
                  {p.commit ? (
                    <span className="scan-commit">
                      <code title={p.commit.sha}>{shortSha(p.commit.sha)}</code> {shortDate(p.commit.authorDate)}
                      {!p.commit.atHead && <span className="scan-removed"> removed since</span>}
                    </span>
                  ) : (
                    <span className="muted">in the files now</span>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {adding.open && (
        <AddFindingForm
          group={group}
          control={adding}
          onCancel={() => {
            adding.cancel();
            addButton.current?.focus();
          }}
        />
      )}
      {adding.done && (
        <div ref={addedNote} role="status" tabIndex={-1} className="scan-added">
          <p className="ok">
            Added as <code>{adding.done.key.ref}</code>
            {adding.done.targets > 0 ? ' with its .env file as a swap target.' : '.'}
          </p>
          {adding.done.warnings.map((w) => (
            <p key={w} className="muted">
              {w}
            </p>
          ))}
          {adding.done.refusedTargets.map((r) => (
            <p key={r.file} className="warning">
              Not a swap target: {appProblemText(r.problem)}
            </p>
          ))}
        </div>
      )}
    </li>
  );
}
