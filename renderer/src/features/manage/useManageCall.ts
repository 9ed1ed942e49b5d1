import { useState } from 'react';
import { failureOf, type Failure } from '../../ui/placed-failure.js';
import { useApp } from '../../store/store.js';

/**
 * One change a manage dialog makes: sent once (a second press while it runs does nothing); refused,
 * its problem stays in the dialog next to the field it names; done, the vault is read again, the
 * outcome is a toast, and the dialog closes.
 */
export function useManageCall<T>(call: () => Promise<T>, done: (result: T) => { toast: string; select?: () => void }) {
  const close = useApp((s) => s.close);
  const loadOverview = useApp((s) => s.loadOverview);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function submit() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await call();
      const outcome = done(result);
      await loadOverview();
      outcome.select?.();
      useApp.getState().toast(outcome.toast, 'success');
      close();
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setBusy(false);
    }
  }

  return { busy, failure, submit, close };
}

/** A production instance's name typed back, as the CLI asks for it; a sandbox one needs none. */
export function typedBackName(production: boolean, instanceName: string | undefined, typed: string) {
  return {
    needed: production,
    matches: !production || typed === instanceName,
    /** What the call takes: the name as typed, only where it is asked for. */
    args: production ? { confirmInstanceName: typed } : {},
  };
}
