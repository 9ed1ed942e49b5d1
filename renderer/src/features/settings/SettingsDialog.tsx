import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../electron/contract/views.js';
import { api } from '../../api/client.js';
import { useApp } from '../../store/store.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { errorText } from '../../ui/format.js';
import { Modal } from '../../ui/Modal.js';

type Env = 'production' | 'sandbox';
/** A number field's text: empty means "follow the level above". */
type Field = string;

const toField = (days: number | undefined): Field => (days === undefined ? '' : String(days));
const fromField = (field: Field): number | undefined => (field.trim() === '' ? undefined : Number(field));

/**
 * The rotation policy at every level — default, per provider, per instance — and scheduled
 * verification. A key's own maximum age (set when it is added) still comes first. Saving is one
 * audit log entry.
 */
export function SettingsDialog() {
  const close = useApp((s) => s.close);
  const announce = useApp((s) => s.announce);
  const instances = useApp((s) => s.overview?.instances ?? []);
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [defaults, setDefaults] = useState<Record<Env, Field>>({ production: '', sandbox: '' });
  const [providers, setProviders] = useState<Record<string, Record<Env, Field>>>({});
  const [perInstance, setPerInstance] = useState<Record<string, Field>>({});
  const [scheduled, setScheduled] = useState<Field>('');
  const [error, setError] = useState<string | null>(null);
  const providerIds = [...new Set(instances.map((i) => i.provider))].sort();

  useEffect(() => {
    api.settingsGet({}).then(
      (s) => {
        setLoaded(s);
        setDefaults({ production: String(s.defaults.production), sandbox: String(s.defaults.sandbox) });
        setProviders(Object.fromEntries(Object.entries(s.providers).map(([p, d]) => [p, { production: toField(d.production), sandbox: toField(d.sandbox) }])));
        setPerInstance(Object.fromEntries(s.instances.map((i) => [i.ref, String(i.days)])));
        setScheduled(toField(s.scheduledVerifyHours ?? undefined));
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, []);

  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      const providerDays = Object.fromEntries(
        Object.entries(providers)
          .map(([p, d]) => [p, { ...(fromField(d.production) ? { production: fromField(d.production) } : {}), ...(fromField(d.sandbox) ? { sandbox: fromField(d.sandbox) } : {}) }] as const)
          .filter(([, d]) => Object.keys(d).length > 0),
      );
      const instanceDays = Object.fromEntries(Object.entries(perInstance).flatMap(([ref, f]) => (fromField(f) ? [[ref, fromField(f) as number]] : [])));
      await api.settingsSet({
        defaults: { production: Number(defaults.production), sandbox: Number(defaults.sandbox) },
        providers: providerDays,
        instances: instanceDays,
        scheduledVerifyHours: fromField(scheduled) ?? null,
      });
      announce('Policy saved');
      close();
    } catch (err) {
      setError(errorText(err));
    }
  }

  const days = (label: string, value: Field, set: (v: Field) => void, required = false) => (
    <input type="number" aria-label={label} min={1} max={36500} required={required} placeholder={required ? '' : 'inherit'} value={value} onChange={(e) => set(e.target.value)} />
  );

  return (
    <Modal title="Rotation policy" onClose={close} wide>
      {loaded ? (
        <form className="form policy-form" onSubmit={(e) => void save(e)}>
          <p className="muted">Maximum key age in days. The narrowest level that has one wins: the key's own, its instance's, its provider's, then the default. A provider's expiry date counts when it is sooner.</p>
          <table className="policy-table">
            <thead>
              <tr>
                <th scope="col">Level</th>
                <th scope="col">
                  <EnvBadge env="production" />
                </th>
                <th scope="col">
                  <EnvBadge env="sandbox" />
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Default</th>
                <td>{days('Default for production', defaults.production, (v) => setDefaults({ ...defaults, production: v }), true)}</td>
                <td>{days('Default for sandbox', defaults.sandbox, (v) => setDefaults({ ...defaults, sandbox: v }), true)}</td>
              </tr>
              {providerIds.map((p) => (
                <tr key={p}>
                  <th scope="row">Provider {p}</th>
                  {(['production', 'sandbox'] as const).map((env) => (
                    <td key={env}>{days(`${p} ${env}`, providers[p]?.[env] ?? '', (v) => setProviders({ ...providers, [p]: { production: providers[p]?.production ?? '', sandbox: providers[p]?.sandbox ?? '', [env]: v } }))}</td>
                  ))}
                </tr>
              ))}
              {instances.map((i) => {
                const ref = `${i.provider}/${i.org}/${i.name}`;
                const field = days(`Instance ${ref}`, perInstance[ref] ?? '', (v) => setPerInstance({ ...perInstance, [ref]: v }));
                return (
                  <tr key={ref}>
                    <th scope="row">Instance {ref}</th>
                    <td>{i.env === 'production' ? field : null}</td>
                    <td>{i.env === 'sandbox' ? field : null}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <label>
            Verify every key on a schedule, every … hours (empty: off)
            <input type="number" aria-label="Scheduled verification hours" min={1} max={720} placeholder="off" value={scheduled} onChange={(e) => setScheduled(e.target.value)} />
          </label>
          <div className="actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Save
            </button>
          </div>
        </form>
      ) : (
        <p>{error ?? 'Loading…'}</p>
      )}
      {loaded && error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </Modal>
  );
}
