import { useState } from 'react';
import { hostApi } from '../../api/client.js';
import { useApp } from '../../store/store.js';
import { useManageCall } from './useManageCall.js';

/** Rename a key: its reference changes with its name, so the selection follows it to the new one. */
export function useRenameKey(ref: string) {
  const key = useApp((s) => s.overview?.keys.find((k) => k.ref === ref));
  const [name, setName] = useState(key?.name ?? '');
  const call = useManageCall(
    () => hostApi().keyRename({ ref, name: name.trim() }),
    (renamed) => ({
      toast: `Renamed ${ref} to ${renamed.name}`,
      select: () => {
        const s = useApp.getState();
        if (s.selectedKeyRef === ref) s.selectKey(renamed.ref);
      },
    }),
  );
  const trimmed = name.trim();
  return { key, name, setName, canRename: trimmed !== '' && trimmed !== key?.name && !call.busy, ...call };
}
