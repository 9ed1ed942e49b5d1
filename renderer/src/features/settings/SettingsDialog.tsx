import type { FormEvent } from 'react';
import { instanceRef } from '../../../../electron/contract/refs.js';
import { useApp } from '../../store/store.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { Modal } from '../../ui/Modal.js';
import { useSettings, type DaysText } from './useSettings.js';

function DaysInput({ label, value, onChange, required = false }: { label: string; value: DaysText; onChange: (text: DaysText) => void; required?: boolean }) {
  return <input type="number" aria-label={label} min={1} max={36500} required={required} placeholder={required ? '' : 'inherit'} value={value} onChange={(e) => onChange(e.target.value)} />;
}

const FORM_ID = 'policy-form';

/**
 * The rotation policy at every level — default, per provider, per instance — and scheduled
 * verification. A key's own maximum age (set when it is added) still comes first. Saving is one
 * audit log entry.
 */
export function SettingsDialog() {
  const instances = useApp((s) => s.overview?.instances ?? []);
  const settings = useSettings();
  const providerIds = [...new Set(instances.map((i) => i.provider))].sort();
  const error = settings.failure?.text ?? null;

  function save(e: FormEvent) {
    e.preventDefault();
    void settings.save();
  }

  return (
    <Modal
      title="Rotation policy"
      onClose={settings.close}
      wide
      footer={
        <>
          <button type="button" onClick={settings.close}>
            Cancel
          </button>
          {settings.loaded && (
            <button type="submit" form={FORM_ID} className="primary">
              Save
            </button>
          )}
        </>
      }
    >
      {settings.loaded ? (
        <form id={FORM_ID} className="form policy-form" onSubmit={save}>
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
                <td>
                  <DaysInput label="Default for production" value={settings.defaults.production} onChange={(v) => settings.setDefault('production', v)} required />
                </td>
                <td>
                  <DaysInput label="Default for sandbox" value={settings.defaults.sandbox} onChange={(v) => settings.setDefault('sandbox', v)} required />
                </td>
              </tr>
              {providerIds.map((p) => (
                <tr key={p}>
                  <th scope="row">Provider {p}</th>
                  {(['production', 'sandbox'] as const).map((env) => (
                    <td key={env}>
                      <DaysInput label={`${p} ${env}`} value={settings.providerDays(p, env)} onChange={(v) => settings.setProviderDays(p, env, v)} />
                    </td>
                  ))}
                </tr>
              ))}
              {instances.map((i) => {
                const ref = instanceRef(i);
                const field = <DaysInput label={`Instance ${ref}`} value={settings.instanceDays(ref)} onChange={(v) => settings.setInstanceDays(ref, v)} />;
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
            <input type="number" aria-label="Scheduled verification hours" min={1} max={720} placeholder="off" value={settings.scheduled} onChange={(e) => settings.setScheduled(e.target.value)} />
          </label>
        </form>
      ) : (
        <p>{error ?? 'Loading…'}</p>
      )}
      {settings.loaded && error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </Modal>
  );
}
