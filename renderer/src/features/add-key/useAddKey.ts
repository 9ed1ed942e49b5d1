import { useEffect, useState } from 'react';
import type { KeyCheck, KeyView } from '../../../../electron/contract/views.js';
import { instanceRef as refOf } from '../../../../electron/contract/refs.js';
import { hostApi } from '../../api/client.js';
import { failureOf, generalFailure, type Failure } from '../../ui/placed-failure.js';
import { secretLengthProblem } from '../../ui/secret-length.js';
import { useApp } from '../../store/store.js';
import { appProblemText } from '../../problems/wordings.js';
import type { BuiltinProviderId } from '../../../../electron/contract/providers.js';

/** The provider a new instance starts with (any from the provider list can be chosen). */
const FIRST_PROVIDER: string = 'nora' satisfies BuiltinProviderId;

/** The instance choice that means "create one with the key". */
export const NEW_INSTANCE = '__new__';

export type Env = 'sandbox' | 'production';

export interface FreshInstance {
  provider: string;
  org: string;
  name: string;
  env: Env;
  baseUrl: string;
  projectId: string;
}

/** How long typing must pause before the host checks the key. */
const CHECK_DELAY_MS = 150;

/**
 * The Add key dialog's state and calls: the live check (the host's own, so the dialog and `key add`
 * never disagree) and storing the key, with its new instance in the same call.
 */
export function useAddKey() {
  const overview = useApp((s) => s.overview);
  const close = useApp((s) => s.close);
  const toast = useApp((s) => s.toast);
  const loadOverview = useApp((s) => s.loadOverview);
  const instances = overview?.instances ?? [];
  const providers = overview?.providers ?? [];
  const [instanceRef, setInstanceRef] = useState(instances[0] ? refOf(instances[0]) : NEW_INSTANCE);
  const [fresh, setFresh] = useState<FreshInstance>({ provider: FIRST_PROVIDER, org: '', name: '', env: 'sandbox', baseUrl: '', projectId: '' });
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [check, setCheck] = useState<KeyCheck | null>(null);
  /** The live check could not be made (too long a paste, an instance the host refuses). */
  const [checkFailure, setCheckFailure] = useState<Failure | null>(null);
  /** Storing failed. */
  const [failure, setFailure] = useState<Failure | null>(null);
  const [unchecked, setUnchecked] = useState(false);
  // The provider is asked before anything is stored: that can take a few seconds.
  const [busy, setBusy] = useState(false);
  const creating = instanceRef === NEW_INSTANCE;

  const newInstance = creating
    ? {
        provider: fresh.provider,
        org: fresh.org,
        name: fresh.name,
        env: fresh.env,
        ...(fresh.baseUrl ? { baseUrl: fresh.baseUrl } : {}),
        ...(fresh.projectId ? { projectId: fresh.projectId } : {}),
      }
    : null;
  // A new instance is checked once it has its names; what it would be is part of the key's check.
  const where = newInstance ? (newInstance.org && newInstance.name ? { newInstance } : null) : { instanceRef };
  const whereKey = JSON.stringify(where);

  useEffect(() => {
    // The last answer stays until the next one arrives: the button does not flicker on while typing.
    const answer = (next: KeyCheck | null, failed: Failure | null) => {
      setCheck(next);
      setCheckFailure(failed);
    };
    if (where === null || secret === '') return answer(null, null);
    const tooLong = secretLengthProblem(secret);
    if (tooLong) return answer(null, generalFailure(tooLong));
    const timer = setTimeout(() => {
      hostApi()
        .keyCheck({ ...where, secret })
        .then(
          (result) => answer(result, null),
          (e: unknown) => answer(null, failureOf(e)),
        );
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
    // `where` is rebuilt on every render: its content (whereKey) is what changes the check.
  }, [whereKey, secret]);

  async function submit() {
    if (busy) return;
    setFailure(null);
    setBusy(true);
    try {
      // A new instance is created with its key in one call: a refused key leaves no instance behind.
      const { key, warnings } = await hostApi().keyAdd({
        ...(newInstance ? { newInstance } : { instanceRef }),
        name,
        secret,
        verify: !unchecked,
        ...(expiresOn ? { expiresOn } : {}),
      });
      setSecret('');
      await loadOverview();
      toast(`Stored ${key.ref} (${key.maskedKey}) in the keychain; ${describeVerification(key, !unchecked)}${warnings.length ? `; ${warnings.join('; ')}` : ''}`, 'success');
      close();
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setBusy(false);
    }
  }

  return {
    instances,
    providers,
    /** The provider of the instance being created. */
    freshProvider: providers.find((p) => p.id === fresh.provider),
    instanceRef,
    setInstanceRef,
    creating,
    fresh,
    editFresh: (change: Partial<FreshInstance>) => setFresh((f) => ({ ...f, ...change })),
    name,
    setName,
    secret,
    setSecret,
    expiresOn,
    setExpiresOn,
    unchecked,
    setUnchecked,
    check,
    /** Why the host's live check refuses the key, in the app's words; null when it does not. */
    refusalText: check?.refusal ? appProblemText(check.refusal) : null,
    checkFailure,
    failure,
    busy,
    canStore: !busy && !check?.refusal && checkFailure === null,
    submit,
    close,
  };
}

export type AddKeyForm = ReturnType<typeof useAddKey>;

/** What the provider said when the key was added, in words; a key it could not judge says so. */
export function describeVerification(key: KeyView, asked: boolean): string {
  const v = key.lastVerification;
  if (!asked) return 'not verified: stored without checking';
  if (v?.result === 'valid') return `verified: the provider accepted it (${v.httpStatus ?? '-'})`;
  if (v?.result === 'limited') return `verified: ${v.reason}`;
  return `unverified: ${v?.reason ?? 'the provider was not asked'}; verify it later from its detail`;
}
