import { FolderOpen } from 'lucide-react';
import type { FormEvent } from 'react';
import { isDesktop } from '../../api/client.js';
import { FieldMessage, fieldMessageProps } from '../../ui/FieldMessage.js';
import type { PlacedFailure } from '../../ui/placed-failure.js';
import type { TargetsForm } from './useTargets.js';

export type TargetField = 'file' | 'variable' | 'command';
const noteId = (field: TargetField) => `target-${field}-message`;

/** A new target: a .env file and its variable, or a command that gets the key on stdin. */
export function TargetForm({ form, placed }: { form: TargetsForm; placed: PlacedFailure<TargetField> }) {
  const note = (field: TargetField) => fieldMessageProps(noteId(field), placed.at(field));
  function submit(e: FormEvent) {
    e.preventDefault();
    void form.add();
  }
  return (
    <form className="target-form" onSubmit={submit}>
      <fieldset className="segmented">
        <legend className="visually-hidden">Kind of target</legend>
        <label>
          <input type="radio" name="target-kind" checked={form.kind === 'dotenv'} onChange={() => form.setKind('dotenv')} /> .env file
        </label>
        <label>
          <input type="radio" name="target-kind" checked={form.kind === 'command'} onChange={() => form.setKind('command')} /> Command
        </label>
      </fieldset>
      {form.kind === 'dotenv' ? (
        <div className="inline-form">
          <input aria-label=".env file path" placeholder="/path/to/.env" value={form.file} onChange={(e) => form.setFile(e.target.value)} required {...note('file')} />
          {isDesktop && (
            <button type="button" onClick={() => void form.pickFile()}>
              <FolderOpen size={14} aria-hidden /> Choose…
            </button>
          )}
          <input aria-label="Variable" placeholder="VARIABLE" value={form.variable} onChange={(e) => form.setVariable(e.target.value)} required {...note('variable')} />
          <label className="checkbox">
            <input type="checkbox" checked={form.createVariable} onChange={(e) => form.setCreateVariable(e.target.checked)} /> Append the line if the file lacks it
          </label>
          <FieldMessage id={noteId('file')} text={placed.at('file')} />
          <FieldMessage id={noteId('variable')} text={placed.at('variable')} />
        </div>
      ) : (
        <div className="command-form">
          <input aria-label="Command" placeholder="/usr/local/bin/vault" value={form.command} onChange={(e) => form.setCommand(e.target.value)} required {...note('command')} />
          <FieldMessage id={noteId('command')} text={placed.at('command')} />
          <textarea aria-label="Arguments, one per line" placeholder={'kv\nput\nsecret/app\nAPI_KEY=-'} rows={4} value={form.args} onChange={(e) => form.setArgs(e.target.value)} />
          <p className="muted">The key reaches the command on its standard input only; no shell runs it.</p>
        </div>
      )}
      <button type="submit">Add target</button>
    </form>
  );
}
