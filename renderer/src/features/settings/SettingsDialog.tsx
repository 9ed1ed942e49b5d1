import { useEffect, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../electron/contract/views.js';
import { api } from '../../api/client.js';
import { useApp } from '../../store/store.js';
import { errorText } from '../../ui/format.js';
import { Modal } from '../../ui/Modal.js';

/** The rotation policy's defaults and scheduled verification: each change is an audit log entry. */
export function SettingsDialog() {
  const close = useApp((s) => s.close);
  const announce = useApp((s) => s.announce);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [scheduled, setScheduled] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.settingsGet({}).then(
      (loaded) => {
        setSettings(loaded);
        setScheduled(loaded.scheduledVerifyHours !== null);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, []);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!settings) return;
    try {
      await api.settingsSet({ defaults: settings.defaults, scheduledVerifyHours: scheduled ? (settings.scheduledVerifyHours ?? 24) : null });
      announce('Policy saved');
      close();
    } catch (err) {
      setError(errorText(err));
    }
  }

  const days = (env: 'production' | 'sandbox') => (
    <label>
      Maximum age of {env} keys (days)
      <input
        type="number"
        min={1}
        max={36500}
        required
        value={settings?.defaults[env] ?? ''}
        onChange={(e) => settings && setSettings({ ...settings, defaults: { ...settings.defaults, [env]: Number(e.target.value) } })}
      />
    </label>
  );

  return (
    <Modal title="Rotation policy" onClose={close}>
      {settings ? (
        <form className="form" onSubmit={(e) => void save(e)}>
          {days('production')}
          {days('sandbox')}
          <p className="muted">A key's own maximum age, its instance's or its provider's comes first; a provider's expiry date counts when it is sooner.</p>
          <label className="checkbox">
            <input type="checkbox" checked={scheduled} onChange={(e) => setScheduled(e.target.checked)} /> Verify every key on a schedule
          </label>
          {scheduled && (
            <label>
              Every (hours)
              <input type="number" min={1} max={720} value={settings.scheduledVerifyHours ?? 24} onChange={(e) => setSettings({ ...settings, scheduledVerifyHours: Number(e.target.value) })} />
            </label>
          )}
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
      {settings && error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </Modal>
  );
}
