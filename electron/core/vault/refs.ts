import { fail } from '../domain/problems/problem-error.js';
import type { Instance, KeyRecord, VaultDocument } from '../domain/model.js';

export function instanceRef(instance: Pick<Instance, 'provider' | 'org' | 'name'>): string {
  return `${instance.provider}/${instance.org}/${instance.name}`;
}

export function keyRef(instance: Pick<Instance, 'provider' | 'org' | 'name'>, key: Pick<KeyRecord, 'name'>): string {
  return `${instanceRef(instance)}/${key.name}`;
}

/** Splits `PROVIDER/ORG/INSTANCE`; the provider may be `custom:<name>` or a bare custom name. */
function splitRef(ref: string, parts: number, form: string): string[] {
  const segments = ref.split('/');
  if (segments.length !== parts || segments.some((s) => s.length === 0)) {
    fail('ref.malformed', { field: 'ref', ref, form });
  }
  return segments;
}

function sameProvider(stored: string, given: string): boolean {
  return stored === given || stored === `custom:${given}`;
}

export function findInstance(doc: VaultDocument, ref: string): Instance {
  const [provider, org, name] = splitRef(ref, 3, 'PROVIDER/ORG/INSTANCE') as [string, string, string];
  const found = doc.instances.find((i) => sameProvider(i.provider, provider) && i.org === org && i.name === name);
  if (!found) {
    fail('instance.not-found', { field: 'instance', ref, provider, org, name });
  }
  return found;
}

export interface ResolvedKey {
  record: KeyRecord;
  instance: Instance;
}

/** A key by `PROVIDER/ORG/INSTANCE/NAME` or by its id. */
export function findKey(doc: VaultDocument, ref: string): ResolvedKey {
  const byId = doc.keys.find((k) => k.id === ref);
  const instancesById = new Map(doc.instances.map((i) => [i.id, i]));
  if (byId) return { record: byId, instance: instancesById.get(byId.instanceId) as Instance };
  if (!ref.includes('/')) fail('key.not-found-by-id', { field: 'ref', ref });
  const slash = ref.lastIndexOf('/');
  const instance = findInstance(doc, ref.slice(0, slash));
  const name = ref.slice(slash + 1);
  const record = doc.keys.find((k) => k.instanceId === instance.id && k.name === name);
  if (!record) fail('key.not-found', { field: 'ref', name, instance: instanceRef(instance) });
  return { record, instance };
}
