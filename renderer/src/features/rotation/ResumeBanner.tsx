import { useEffect, useState } from 'react';
import type { RotationView } from '../../../../electron/contract/views.js';
import { api } from '../../api/client.js';
import { useApp } from '../../store/store.js';

/** How often a rotation another process runs is looked at again: the host tells no one when it ends. */
const HELD_RECHECK_MS = 2_000;

/** At launch: a rotation that was interrupted is offered for resume; one another process runs is shown until it stops. */
export function ResumeBanner() {
  const open = useApp((s) => s.open);
  const overview = useApp((s) => s.overview);
  const loadOverview = useApp((s) => s.loadOverview);
  const [pending, setPending] = useState<RotationView[]>([]);
  useEffect(() => {
    api.rotationInProgress({}).then(setPending, () => setPending([]));
  }, [overview]);
  const heldElsewhere = pending.some((r) => r.heldBy);
  useEffect(() => {
    if (!heldElsewhere) return;
    const timer = setInterval(() => {
      api.rotationInProgress({}).then((next) => {
        setPending(next);
        // The other process stopped: its steps changed keys, so the vault is read again.
        if (!next.some((r) => r.heldBy)) void loadOverview();
      }, () => undefined);
    }, HELD_RECHECK_MS);
    return () => clearInterval(timer);
  }, [heldElsewhere, loadOverview]);
  const idle = pending.filter((r) => !r.running);
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
