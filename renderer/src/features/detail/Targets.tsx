import { Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { Target } from '../../../../electron/contract/views.js';
import { api } from '../../api/client.js';
import { errorText } from '../../ui/format.js';

/** Where the key is used: .env variables and commands that get it on stdin. */
export function Targets({ keyRef, targets, onChanged }: { keyRef: string; targets: Target[]; onChanged: () => void }) {
  const [file, setFile] = useState('');
  const [variable, setVariable] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    try {
      await api.targetAdd({ ref: keyRef, target: { kind: 'dotenv', file, variable } });
      setFile('');
      setVariable('');
      setError(null);
      onChanged();
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <section aria-label="Swap targets">
      <h3>Swap targets</h3>
      {targets.length === 0 && <p className="muted">None yet: a rotation will not write the new key anywhere.</p>}
      <ul className="targets">
        {targets.map((t) => (
          <li key={t.id}>
            {t.kind === 'dotenv' ? (
              <>
                <code>{t.variable}</code> in <code>{t.file}</code>
              </>
            ) : (
              <>
                command <code>{t.command} {t.args.join(' ')}</code> (key on stdin)
              </>
            )}
            <button type="button" aria-label="Remove target" onClick={() => void api.targetRemove({ ref: keyRef, targetId: t.id }).then(onChanged)}>
              <Trash2 size={14} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={(e) => void add(e)}>
        <input aria-label=".env file path" placeholder="/path/to/.env" value={file} onChange={(e) => setFile(e.target.value)} required />
        <input aria-label="Variable" placeholder="VARIABLE" value={variable} onChange={(e) => setVariable(e.target.value)} required />
        <button type="submit">Add .env target</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
