import { useApp } from '../../store/store.js';
import { useInterruptedRotations } from './useInterruptedRotations.js';

/** At launch: a rotation that was interrupted is offered for resume; one another process runs is shown until it stops. */
export function ResumeBanner() {
  const open = useApp((s) => s.open);
  const idle = useInterruptedRotations();
  if (idle.length === 0) return null;
  return (
    <div className="banner" role="region" aria-label="Interrupted rotations">
      {idle.map((r) =>
        r.heldBy ? (
          <p key={r.rotation.id}>
            A rotation of <strong>{r.ref}</strong> is running in {r.heldBy}: wait for it to finish there.
          </p>
        ) : (
          <p key={r.rotation.id}>
            A rotation of <strong>{r.ref}</strong> was interrupted.{' '}
            <button type="button" className="primary" onClick={() => open({ kind: 'rotate', ref: r.ref, resumeRotationId: r.rotation.id })}>
              Resume it
            </button>
          </p>
        ),
      )}
    </div>
  );
}
