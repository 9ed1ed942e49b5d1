import { useState } from 'react';
import { instanceRef } from '../../../../electron/contract/refs.js';
import { hostApi } from '../../api/client.js';
import { useApp } from '../../store/store.js';
import { typedBackName, useManageCall } from './useManageCall.js';

/** Remove an instance that holds no key; a production one asks for its name typed back. */
export function useRemoveInstance(ref: string) {
  const instance = useApp((s) => s.overview?.instances.find((i) => instanceRef(i) === ref));
  const keyCount = useApp((s) => (instance ? (s.overview?.keys.filter((k) => instanceRef({ provider: k.provider, org: k.org, name: k.instance }) === ref).length ?? 0) : 0));
  const [typedName, setTypedName] = useState('');
  const typed = typedBackName(instance?.env === 'production', instance?.name, typedName);
  const call = useManageCall(
    () => hostApi().instanceRemove({ ref, ...typed.args }),
    (removed) => ({
      toast: `Removed the instance ${instanceRef(removed)} from the vault`,
      select: () => {
        const s = useApp.getState();
        if (s.selectedNode === ref || s.selectedNode?.startsWith(`${ref}/`)) s.selectNode(null);
        if (s.selectedKeyRef?.startsWith(`${ref}/`)) s.selectKey(null);
      },
    }),
  );
  return { instance, keyCount, typedName, setTypedName, needsName: typed.needed, canRemove: typed.matches && keyCount === 0 && !call.busy, ...call };
}
