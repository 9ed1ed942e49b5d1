import { X } from 'lucide-react';
import { useApp } from '../../store/store.js';
import { useInterruptedRotations } from './useInterruptedRotations.js';
import './rotation.css';

/** At most this many lines; the rest are counted in one more line, so the banner never pushes the vault away. */
const MAX_LINES = 3;

/**
 * At launch: a rotation that was interrupted is offered for resume; one another process runs is
 * shown until it stops. One line per rotation; a dismissed line stays away for the session (the
 * rotation stays resumable, or abandonable, from its key's detail).
 */
export function ResumeBanner() {
  const open = useApp((s) => s.open);
  const dismissed = useApp((s) => s.dismissedRotations);
  const dismiss = useApp((s) => s.dismissRotation);
  // The rotation the wizard shows is said there, not here as well.
  const inWizard = useApp((s) => (s.dialog?.kind === 'rotate' ? s.dialog.ref : null));
  const idle = useInterruptedRotations().filter((r) => !dismissed.includes(r.rotation.id) && r.ref !== inWizard);
  if (idle.length === 0) return null;
  const shown = idle.slice(0, MAX_LINES);
  const more = idle.length - shown.length;
  return (
    <div className="banner" role="region" aria-label="Interrupted rotations">
      {shown.map((r) => (
        <div key={r.rotation.id} className="banner-line">
          {r.heldBy ? (
            <span className="banner-text">
              A rotation of <strong>{r.ref}</strong> is running in {r.heldBy}: wait for it to finish there.
            </span>
          ) : (
            <>
              <span className="banner-text">
                A rotation of <strong>{r.ref}</strong> was interrupted.
              </span>
              <button type="button" className="primary" onClick={() => open({ kind: 'rotate', ref: r.ref, resumeRotationId: r.rotation.id })}>
                Resume it
              </button>
            </>
          )}
          <button type="button" aria-label={`Dismiss the notice about ${r.ref}`} title="Dismiss" onClick={() => dismiss(r.rotation.id)}>
            <X size={14} aria-hidden />
          </button>
        </div>
      ))}
      {more > 0 && (
        <div className="banner-line">
          <span className="banner-text">
            and {more} more interrupted rotation{more === 1 ? '' : 's'}: each can be resumed or abandoned from its key&apos;s detail.
          </span>
          <button type="button" onClick={() => idle.forEach((r) => dismiss(r.rotation.id))}>
            Dismiss all
          </button>
        </div>
      )}
    </div>
  );
}
