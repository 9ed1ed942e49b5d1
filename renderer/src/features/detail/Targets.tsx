import { FolderOpen, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { Target } from '../../../../electron/contract/views.js';
import { api, isDesktop } from '../../api/client.js';
import { errorText } from '../../ui/format.js';

type Kind = 'dotenv' | 'command';

/** Where the key is used: .env variables, and commands that get it on stdin (any secret manager's CLI). */
export function Targets({ keyRef, targets, onChanged }: { keyRef: string; targets: Target[]; onChanged: () => void }) {
  const [kind, setKind] = useState<Kind>('dotenv');
  const [file, setFile] = useState('');
  const [variable, setVariable] = useState('');
  const [command, setCommand] = useState('');
  // One argument per line: nothing is split or unquoted behind the person's back, and no shell runs it.
  const [args, setArgs] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    try {
      const target =
        kind === 'dotenv'
          ? ({ kind, file, variable } as const)
          : ({ kind, command, args: args.split('\n').filter((line) => line.trim() !== '') } as const);
      await api.targetAdd({ ref: keyRef, target });
      setFile('');
      setVariable('');
      setCommand('');
      setArgs('');
      setError(null);
      onChanged();
    } catch (err) {
      setError(errorText(err));
    }
  }

  async function pickFile() {
    try {
      const picked = await api.pathPick({ kind: 'env-file' });
      if (picked.path) setFile(picked.path);
    } catch (err) {
      setError(errorText(err));
    }
  }

  async function remove(targetId: string) {
    try {
      await api.targetRemove({ ref: keyRef, targetId });
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
                command <code>{[t.command, ...t.args].join(' ')}</code> (key on stdin)
              </>
            )}
            <button type="button" aria-label={`Remove target ${t.kind === 'dotenv' ? `${t.variable} in ${t.file}` : t.command}`} onClick={() => void remove(t.id)}>
              <Trash2 size={14} aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <form className="target-form" onSubmit={(e) => void add(e)}>
        <fieldset className="segmented">
          <legend className="visually-hidden">Kind of target</legend>
          <label>
            <input type="radio" name="target-kind" checked={kind === 'dotenv'} onChange={() => setKind('dotenv')} /> .env file
          </label>
          <label>
            <input type="radio" name="target-kind" checked={kind === 'command'} onChange={() => setKind('command')} /> Command
          </label>
        </fieldset>
        {kind === 'dotenv' ? (
          <div className="inline-form">
            <input aria-label=".env file path" placeholder="/path/to/.env" value={file} onChange={(e) => setFile(e.target.value)} required />
            {isDesktop && (
              <button type="button" onClick={() => void pickFile()}>
                <FolderOpen size={14} aria-hidden /> Choose…
              </button>
            )}
            <input aria-label="Variable" placeholder="VARIABLE" value={variable} onChange={(e) => setVariable(e.target.value)} required />
          </div>
        ) : (
          <div className="command-form">
            <input aria-label="Command" placeholder="/usr/local/bin/vault" value={command} onChange={(e) => setCommand(e.target.value)} required />
            <textarea aria-label="Arguments, one per line" placeholder={'kv\nput\nsecret/app\nAPI_KEY=-'} rows={4} value={args} onChange={(e) => setArgs(e.target.value)} />
            <p className="muted">The key reaches the command on its standard input only; no shell runs it.</p>
          </div>
        )}
        <button type="submit">Add target</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
