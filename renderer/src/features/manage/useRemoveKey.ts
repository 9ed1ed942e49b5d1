import { useState } from 'react';
import { hostApi } from '../../api/client.js';
import { useApp } from '../../store/store.js';
import { typedBackName, useManageCall } from './useManageCall.js';

/** Remove a key from the vault and the keychain; a production key asks for its instance name typed back. */
export function useRemoveKey(ref: string) {
  const key = useApp((s) => s.overview?.keys.find((k) => k.ref === ref));
  const [typedName, setTypedName] = useState('');
  const typed = typedBackName(key?.env === 'production', key?.instance, typedName);
  const call = useManageCall(
    () => hostApi().keyRemove({ ref, ...typed.args }),
    (removed) => ({
      toast: `Removed ${removed.ref} from the vault; the key still works at ${removed.provider} until it is revoked there`,
      select: () => {
        const s = useApp.getState();
        if (s.selectedKeyRef === ref) s.selectKey(null);
      },
    }),
  );
  return { key, typedName, setTypedName, needsName: typed.needed, canRemove: typed.matches && !call.busy, ...call };
}
