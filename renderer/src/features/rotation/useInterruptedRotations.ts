import { useEffect, useState } from 'react';
import type { RotationView } from '../../../../electron/contract/views.js';
import { hostApi } from '../../api/client.js';
import { useApp } from '../../store/store.js';

/** How often a rotation another process runs is looked at again: the host tells no one when it ends. */
const HELD_RECHECK_MS = 2_000;

/**
 * Rotations in progress that this window is not running: interrupted ones (to resume) and ones
 * another process holds, followed until that process lets go.
 */
export function useInterruptedRotations(): RotationView[] {
  const overview = useApp((s) => s.overview);
  const loadOverview = useApp((s) => s.loadOverview);
  const [pending, setPending] = useState<RotationView[]>([]);
  useEffect(() => {
    hostApi()
      .rotationInProgress({})
      .then(setPending, () => setPending([]));
  }, [overview]);
  const heldElsewhere = pending.some((r) => r.heldBy);
  useEffect(() => {
    if (!heldElsewhere) return;
    const timer = setInterval(() => {
      hostApi()
        .rotationInProgress({})
        .then((next) => {
          setPending(next);
          // The other process stopped: its steps changed keys, so the vault is read again.
          if (!next.some((r) => r.heldBy)) void loadOverview();
        }, () => undefined);
    }, HELD_RECHECK_MS);
    return () => clearInterval(timer);
  }, [heldElsewhere, loadOverview]);
  return interruptedLines(pending);
}

/** One line per rotation in progress that this window does not run, whatever the host listed twice. */
export function interruptedLines(views: readonly RotationView[]): RotationView[] {
  const seen = new Set<string>();
  return views.filter((r) => {
    if (r.running || r.rotation.state !== 'in-progress' || seen.has(r.rotation.id)) return false;
    seen.add(r.rotation.id);
    return true;
  });
}
