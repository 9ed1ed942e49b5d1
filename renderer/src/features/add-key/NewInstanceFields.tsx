import type { ProviderInfo } from '../../../../electron/contract/views.js';
import type { AddKeyMessages } from './field-messages.js';
import { NoteFor, noteProps } from './NoteFor.js';
import type { Env, FreshInstance } from './useAddKey.js';

/** The instance created with the key: its provider, names, environment and where it is reached. */
export function NewInstanceFields(props: { providers: ProviderInfo[]; provider: ProviderInfo | undefined; fresh: FreshInstance; edit: (change: Partial<FreshInstance>) => void; messages: AddKeyMessages }) {
  const { fresh, edit, provider, messages } = props;
  const note = messages.at;
  return (
    <fieldset>
      <legend>New instance</legend>
      <label>
        Provider
        <select value={fresh.provider} onChange={(e) => edit({ provider: e.target.value })} {...noteProps('provider', note('provider'))}>
          {props.providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </select>
      </label>
      <NoteFor field="provider" note={note('provider')} />
      <label>
        Organization
        <input value={fresh.org} onChange={(e) => edit({ org: e.target.value })} required {...noteProps('org', note('org'))} />
      </label>
      <NoteFor field="org" note={note('org')} />
      <label>
        Instance name
        <input value={fresh.name} onChange={(e) => edit({ name: e.target.value })} required {...noteProps('instance', note('instance'))} />
      </label>
      <NoteFor field="instance" note={note('instance')} />
      <label>
        Environment
        <select value={fresh.env} onChange={(e) => edit({ env: e.target.value as Env })} {...noteProps('env', note('env'))}>
          <option value="sandbox">Sandbox</option>
          <option value="production">Production</option>
        </select>
      </label>
      <NoteFor field="env" note={note('env')} />
      <label>
        Base URL {provider?.needsBaseUrl ? '(required)' : '(optional)'}
        <input value={fresh.baseUrl} onChange={(e) => edit({ baseUrl: e.target.value })} required={provider?.needsBaseUrl ?? false} {...noteProps('baseUrl', note('baseUrl'))} />
      </label>
      <NoteFor field="baseUrl" note={note('baseUrl')} />
      {provider?.needsProjectId && (
        <>
          <label>
            Project id
            <input value={fresh.projectId} onChange={(e) => edit({ projectId: e.target.value })} required {...noteProps('projectId', note('projectId'))} />
          </label>
          <NoteFor field="projectId" note={note('projectId')} />
        </>
      )}
    </fieldset>
  );
}
