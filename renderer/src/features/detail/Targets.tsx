import { FolderOpen, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { KeyturnApi } from '../../../../electron/contract/api.js';
import type { Target, TargetFileCheck } from '../../../../electron/contract/views.js';
import { describeTarget } from '../../../../electron/contract/targets.js';
import { api, isDesktop } from '../../api/client.js';
import { appProblemText } from '../../problems/wordings.js';
import { errorText } from '../../ui/format.js';

type Kind = 'dotenv' | 'command';
type NewTarget = Parameters<KeyturnApi['targetAdd']>[0]['target'];

/** Where the key is used: .env variables, and commands that get it on stdin (any secret manager's CLI). */
export function Targets({ keyRef, targets, onChanged }: { keyRef: string; targets: Target[]; onChanged: () => void }) {
  const [kind, setKind] = useState<Kind>('dotenv');
  const [file, setFile] = useState('');
  const [variable, setVariable] = useState('');
  const [command, setCommand] = useState('');
  // One argument per line: nothing is split or unquoted behind the person's back, and no shell runs it.
  const [args, setArgs] = useState('');
  const [createVariable, setCreateVariable] = useState(false);
  const [pendingLink, setPendingLink] = useState<TargetFileCheck | null>(null);
  const [pendingCreate, setPendingCreate] = useState<TargetFileCheck | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    setPendingLink(null);
    setPendingCreate(null);
    try {
      if (kind === 'command') {
        await save({ kind, command, args: args.split('\n').filter((line) => line.trim() !== '') });
        return;
      }
      // The host says where the path really leads before anything is added: a link is written
      // through only once the person has seen its target and confirmed it.
      const check = await api.targetCheck({ file });
      // A path where nothing is yet becomes a file only once the person says so: a typo must not.
      if (check.missing) {
        setError(null);
        return setPendingCreate(check);
      }
      if (check.refusal !== null) return setError(appProblemText(check.refusal));
      if (check.throughLink) {
        setError(null);
        return setPendingLink(check);
      }
      await save({ kind, file: check.path, variable, createVariable });
    } catch (err) {
      setError(errorText(err));
    }
  }

  async function confirmLink(link: TargetFileCheck) {
    try {
      await save({ kind: 'dotenv', file: link.path, variable, createVariable, confirmLinkTo: link.resolved });
    } catch (err) {
      setError(errorText(err));
    }
  }

  async function createFile(missing: TargetFileCheck) {
    try {
      await save({ kind: 'dotenv', file: missing.path, variable, createVariable, createFile: true });
    } catch (err) {
      setError(errorText(err));
    }
  }

  async function save(target: NewTarget) {
    await api.targetAdd({ ref: keyRef, target });
    setFile('');
    setVariable('');
    setCreateVariable(false);
    setCommand('');
    setArgs('');
    setPendingLink(null);
    setPendingCreate(null);
    setError(null);
    onChanged();
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
            {describeTarget(t).full}
            <button type="button" aria-label={`Remove target ${describeTarget(t).where}`} onClick={() => void remove(t.id)}>
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
            <input aria-label=".env file path" placeholder="/path/to/.env" value={file} onChange={(e) => {
                setFile(e.target.value);
                setPendingLink(null);
                setPendingCreate(null);
              }} required />
            {isDesktop && (
              <button type="button" onClick={() => void pickFile()}>
                <FolderOpen size={14} aria-hidden /> Choose…
              </button>
            )}
            <input aria-label="Variable" placeholder="VARIABLE" value={variable} onChange={(e) => setVariable(e.target.value)} required />
            <label className="checkbox">
              <input type="checkbox" checked={createVariable} onChange={(e) => setCreateVariable(e.target.checked)} /> Append the line if the file lacks it
            </label>
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
      {pendingLink && (
        <div role="group" aria-label="Confirm the link" className="warning">
          <p>
            <code>{pendingLink.path}</code> is a link to <code>{pendingLink.resolved}</code>: the key will be written to <code>{pendingLink.resolved}</code>.
          </p>
          <button type="button" onClick={() => void confirmLink(pendingLink)}>
            Write through the link
          </button>
          <button type="button" onClick={() => setPendingLink(null)}>
            Cancel
          </button>
        </div>
      )}
      {pendingCreate && (
        <div role="group" aria-label="Create the file" className="warning">
          <p>
            <code>{pendingCreate.path}</code> does not exist. Create it, readable by you only, with an empty <code>{variable || 'VARIABLE'}=</code> line for the key?
          </p>
          <button type="button" onClick={() => void createFile(pendingCreate)}>
            Create the file
          </button>
          <button type="button" onClick={() => setPendingCreate(null)}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
