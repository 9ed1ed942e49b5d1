import { useCallback, useEffect, useState } from 'react';
import type { KeyDetail, RotationView } from '../../../../electron/contract/views.js';
import { hostApi } from '../../api/client.js';
import { failureOf, type Failure } from '../../ui/placed-failure.js';
import { useApp } from '../../store/store.js';

/**
 * The rotation in progress of the shown key (as the old key or as its pending key), followed live:
 * the detail offers to resume or abandon it when it stopped, and says who runs it when it runs.
 * Asked of the host's rotations in progress, not the detail's history: a rotation started since
 * the detail was read changes no vault event until it ends.
 */
export function useRotationInProgress(detail: KeyDetail | null) {
  const open = useApp((s) => s.open);
  const toast = useApp((s) => s.toast);
  const loadOverview = useApp((s) => s.loadOverview);
  // Read again when the vault changes and when a dialog closes (the wizard may have started one).
  const overview = useApp((s) => s.overview);
  const dialogOpen = useApp((s) => s.dialog !== null);
  const keyId = detail?.key.id ?? null;
  const [view, setView] = useState<RotationView | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [abandoning, setAbandoning] = useState(false);

  const refresh = useCallback((id: string) => {
    hostApi()
      .rotationInProgress({})
      .then(
        (views) => setView(views.find((r) => r.rotation.oldKeyId === id || r.rotation.newKeyId === id) ?? null),
        (e: unknown) => setFailure(failureOf(e)),
      );
  }, []);

  // Another key shown: the last one's rotation is not shown for it meanwhile.
  useEffect(() => setView(null), [keyId]);
  useEffect(() => {
    setFailure(null);
    if (!keyId) return;
    refresh(keyId);
    return hostApi().onRotationChanged(() => refresh(keyId));
  }, [keyId, refresh, overview, dialogOpen]);

  function resume() {
    if (view) open({ kind: 'rotate', ref: view.ref, resumeRotationId: view.rotation.id });
  }

  async function abandon() {
    if (!view || abandoning) return;
    setAbandoning(true);
    setFailure(null);
    try {
      const abandoned = await hostApi().rotationAbandon({ rotationId: view.rotation.id });
      setView(abandoned);
      toast(`Rotation of ${abandoned.ref} abandoned: the old key is still the current one; the pending key was removed`, 'success');
      await loadOverview();
    } catch (e) {
      setFailure(failureOf(e));
    } finally {
      setAbandoning(false);
    }
  }

  const inProgress = view?.rotation.state === 'in-progress' ? view : null;
  return {
    /** The rotation while it is in progress; null once it finished or was abandoned. */
    view: inProgress,
    /** Stopped, and nobody runs it: the person may resume or abandon it. */
    stopped: inProgress !== null && !inProgress.running && inProgress.heldBy === null,
    failure,
    abandoning,
    resume,
    abandon,
  };
}

export type RotationInProgress = ReturnType<typeof useRotationInProgress>;
