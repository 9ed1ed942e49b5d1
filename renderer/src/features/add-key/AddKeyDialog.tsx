import { useEffect, useState, type FormEvent } from 'react';
import type { KeyCheck, KeyView } from '../../../../electron/contract/views.js';
import type { BuiltinProviderId } from '../../../../electron/contract/providers.js';
import { api } from '../../api/client.js';
import { Modal } from '../../ui/Modal.js';
import { errorText } from '../../ui/format.js';
import { secretLengthProblem } from '../../ui/secret-length.js';
import { useApp } from '../../store/store.js';

const NEW = '__new__';
/** The provider a new instance starts with (any from the provider list can be chosen). */
const FIRST_PROVIDER: string = 'nora' satisfies BuiltinProviderId;

/** Paste a key, see in words what is wrong with it before anything is stored, choose or create its instance. */
export function AddKeyDialog() {
  const overview = useApp((s) => s.overview);
  const close = useApp((s) => s.close);
  const announce = useApp((s) => s.announce);
  const loadOverview = useApp((s) => s.loadOverview);
  const instances = overview?.instances ?? [];
  const [instanceRef, setInstanceRef] = useState(instances[0] ? `${instances[0].provider}/${instances[0].org}/${instances[0].name}` : NEW);
  const [fresh, setFresh] = useState({ provider: FIRST_PROVIDER, org: '', name: '', env: 'sandbox' as 'sandbox' | 'production', baseUrl: '', projectId: '' });
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [check, setCheck] = useState<KeyCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unchecked, setUnchecked] = useState(false);
  // The provider is asked before anything is stored: that can take a few seconds.
  const [busy, setBusy] = useState(false);
  const provider = overview?.providers.find((p) => p.id === fresh.provider);

  const newInstance =
    instanceRef === NEW
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

  // Live validation: the host's own check, so the dialog and `key add` never disagree.
  useEffect(() => {
    if (where === null || secret === '') return setCheck(null);
    const tooLong = secretLengthProblem(secret);
    if (tooLong) return setCheck({ problem: tooLong, warnings: [], maskedKey: '' });
    const timer = setTimeout(() => {
      api.keyCheck({ ...where, secret }).then(setCheck, (e: unknown) => setCheck({ problem: errorText(e), warnings: [], maskedKey: '' }));
    }, 150);
    return () => clearTimeout(timer);
    // `where` is rebuilt on every render: its content (whereKey) is what changes the check.
  }, [whereKey, secret]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      // A new instance is created with its key in one call: a refused key leaves no instance behind.
      const { key, warnings } = await api.keyAdd({
        ...(newInstance ? { newInstance } : { instanceRef }),
        name,
        secret,
        verify: !unchecked,
        ...(expiresOn ? { expiresOn } : {}),
      });
      setSecret('');
      await loadOverview();
      announce(`Stored ${key.ref} (${key.maskedKey}) in the keychain; ${describeVerification(key, !unchecked)}${warnings.length ? `; ${warnings.join('; ')}` : ''}`);
      close();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title="Add a key" onClose={close}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label>
          Instance
          <select value={instanceRef} onChange={(e) => setInstanceRef(e.target.value)}>
            {instances.map((i) => {
              const ref = `${i.provider}/${i.org}/${i.name}`;
              return (
                <option key={i.id} value={ref}>
                  {ref} — {i.env.toUpperCase()}
                </option>
              );
            })}
            <option value={NEW}>New instance…</option>
          </select>
        </label>
        {instanceRef === NEW && (
          <fieldset>
            <legend>New instance</legend>
            <label>
              Provider
              <select value={fresh.provider} onChange={(e) => setFresh({ ...fresh, provider: e.target.value })}>
                {overview?.providers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Organization
              <input value={fresh.org} onChange={(e) => setFresh({ ...fresh, org: e.target.value })} required />
            </label>
            <label>
              Instance name
              <input value={fresh.name} onChange={(e) => setFresh({ ...fresh, name: e.target.value })} required />
            </label>
            <label>
              Environment
              <select value={fresh.env} onChange={(e) => setFresh({ ...fresh, env: e.target.value as 'sandbox' | 'production' })}>
                <option value="sandbox">Sandbox</option>
                <option value="production">Production</option>
              </select>
            </label>
            <label>
              Base URL {provider?.needsBaseUrl ? '(required)' : '(optional)'}
              <input value={fresh.baseUrl} onChange={(e) => setFresh({ ...fresh, baseUrl: e.target.value })} required={provider?.needsBaseUrl ?? false} />
            </label>
            {provider?.needsProjectId && (
              <label>
                Project id
                <input value={fresh.projectId} onChange={(e) => setFresh({ ...fresh, projectId: e.target.value })} required />
              </label>
            )}
          </fieldset>
        )}
        <label>
          Key name
          <input value={name} onChange={(e) => setName(e.target.value)} required placeholder="backend-2026-11" />
        </label>
        <label>
          Key (paste)
          <input type="password" autoComplete="off" spellCheck={false} value={secret} onChange={(e) => setSecret(e.target.value)} required aria-describedby="key-check" />
        </label>
        <p id="key-check" role="status" className={check?.problem ? 'error' : 'ok'} data-testid="key-check">
          {check ? (check.problem ?? `Looks right: ${check.maskedKey}${check.warnings.length ? ` (${check.warnings.join('; ')})` : ''}`) : ''}
        </p>
        <label>
          Expires (optional)
          <input type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={unchecked} onChange={(e) => setUnchecked(e.target.checked)} /> Store without checking whether the key works
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || Boolean(check?.problem)}>
            {busy && !unchecked ? 'Checking with the provider…' : 'Store in keychain'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** What the provider said when the key was added, in words; a key it could not judge says so. */
function describeVerification(key: KeyView, asked: boolean): string {
  const v = key.lastVerification;
  if (!asked) return 'not verified: stored without checking';
  if (v?.result === 'valid') return `verified: the provider accepted it (${v.httpStatus ?? '-'})`;
  if (v?.result === 'limited') return `verified: ${v.reason}`;
  return `unverified: ${v?.reason ?? 'the provider was not asked'}; verify it later from its detail`;
}
