import type { FormEvent } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { instanceRef } from '../../../../electron/contract/refs.js';
import { useApp } from '../../store/store.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { Modal } from '../../ui/Modal.js';
import { useSettings, type DaysText } from './useSettings.js';
import type { SettingsSection } from '../../store/ui-slice.js';
import { TeamSettings } from '../team/TeamSettings.js';

const SECTION_TITLES: Record<SettingsSection, string> = { policy: 'Rotation policy', team: 'Team' };

function DaysInput({ label, value, onChange, required = false }: { label: string; value: DaysText; onChange: (text: DaysText) => void; required?: boolean }) {
  return <input type="number" aria-label={label} min={1} max={36500} required={required} placeholder={required ? '' : 'inherit'} value={value} onChange={(e) => onChange(e.target.value)} />;
}

const FORM_ID = 'policy-form';

/**
 * Settings, in sections: the rotation policy, and the team this vault is joined to (Team). The
 * title names the section shown; the footer holds that section's buttons.
 */
export function SettingsDialog() {
  const dialog = useApp((s) => s.dialog);
  const open = useApp((s) => s.open);
  const section: SettingsSection = dialog?.kind === 'settings' ? (dialog.section ?? 'policy') : 'policy';
  const settings = useSettings();
  const choose = (key: Key) => open({ kind: 'settings', section: key === 'team' ? 'team' : 'policy' });
  return (
    <Modal
      title={`Settings · ${SECTION_TITLES[section]}`}
      onClose={settings.close}
      wide
      footer={
        section === 'policy' ? (
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
        ) : (
          <button type="button" onClick={settings.close}>
            Close
          </button>
        )
      }
    >
      <Tabs className="settings-tabs" selectedKey={section} onSelectionChange={choose}>
        <TabList aria-label="Settings sections" className="settings-tablist">
          <Tab id="policy" className="settings-tab">
            {SECTION_TITLES.policy}
          </Tab>
          <Tab id="team" className="settings-tab">
            {SECTION_TITLES.team}
          </Tab>
        </TabList>
        <TabPanel id="policy" className="settings-panel">
          <PolicySettings settings={settings} />
        </TabPanel>
        <TabPanel id="team" className="settings-panel">
          <TeamSettings />
        </TabPanel>
      </Tabs>
    </Modal>
  );
}

/**
 * The rotation policy at every level — default, per provider, per instance — and scheduled
 * verification. A key's own maximum age (set when it is added) still comes first. Saving is one
 * audit log entry.
 */
function PolicySettings({ settings }: { settings: ReturnType<typeof useSettings> }) {
  const instances = useApp((s) => s.overview?.instances ?? []);
  const providerIds = [...new Set(instances.map((i) => i.provider))].sort();
  const error = settings.failure?.text ?? null;

  function save(e: FormEvent) {
    e.preventDefault();
    void settings.save();
  }

  return (
    <>
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
    </>
  );
}
