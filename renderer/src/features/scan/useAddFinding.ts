import { useState } from 'react';
import type { AddedFinding, Instance, KeyView } from '../../../../electron/contract/views.js';
import { instanceRef as refOfInstance } from '../../../../electron/contract/refs.js';
import { hostApi } from '../../api/client.js';
import { useApp } from '../../store/store.js';
import { failureOf, generalFailure, type Failure } from '../../ui/placed-failure.js';
import { fittingInstances, placeToAdd, proposedName, type FindingGroup } from './scan-groups.js';

/**
 * Add to vault, for one key a scan found: the instance (one of its provider's, in its environment;
 * chosen already when only one fits) and a name (from its variable). The host reads the key again
 * where the scan found it: the page sends where, never the key.
 */
export function useAddFinding(group: FindingGroup, onAdded: (fingerprint: string, key: KeyView) => void) {
  const toast = useApp((s) => s.toast);
  const instances = useApp((s) => s.overview?.instances ?? NO_INSTANCES);
  const fits: Instance[] = fittingInstances(group, instances);
  const [open, setOpen] = useState(false);
  const [instanceRef, setInstanceRef] = useState('');
  const [name, setName] = useState(() => proposedName(group));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<AddedFinding | null>(null);
  // One instance fits: it is the one; several: the person says which.
  const chosen = instanceRef !== '' ? instanceRef : fits.length === 1 && fits[0] ? refOfInstance(fits[0]) : '';

  async function add() {
    const place = placeToAdd(group);
    if (busy || !place) return;
    if (chosen === '') {
      setFailure({ field: 'instance', text: 'Choose the instance this key belongs to.' });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const added = await hostApi().scanAddFinding({
        file: place.file,
        line: place.line,
        column: place.column,
        ...(place.commit ? { commit: place.commit.sha } : {}),
        fingerprint: group.fingerprint,
        instanceRef: chosen,
        name,
      });
      setDone(added);
      setOpen(false);
      onAdded(group.fingerprint, added.key);
      toast(`Added ${added.key.ref}`, 'success');
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setBusy(false);
    }
  }

  return {
    open,
    start: () => {
      setFailure(fits.length === 0 ? generalFailure(noInstanceText(group)) : null);
      setOpen(true);
    },
    cancel: () => {
      setOpen(false);
      setFailure(null);
    },
    fits,
    instanceRef: chosen,
    setInstanceRef,
    name,
    setName,
    busy,
    failure,
    done,
    add,
  };
}

const NO_INSTANCES: Instance[] = [];

/** No instance fits the key: which one to add first (the same next step as the import's). */
function noInstanceText(group: Pick<FindingGroup, 'providerId' | 'environment' | 'org'>): string {
  const env = group.environment ? ` ${group.environment}` : '';
  const org = group.org ? ` (organization ${group.org})` : '';
  return `There is no ${group.providerId ?? 'matching'}${env}${org} instance to put it in: add that instance first (Add key, new instance), then add this key.`;
}

export type AddFindingControl = ReturnType<typeof useAddFinding>;
