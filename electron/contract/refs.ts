/**
 * How the renderer writes a reference: `PROVIDER/ORG/INSTANCE` for an instance,
 * `PROVIDER/ORG/INSTANCE/NAME` for a key, `PROVIDER/ORG` for the tree's organisation node. The one
 * place these are joined, so every screen sends what core's `findInstance` and `findKey` read.
 * Pure: no dependencies.
 */

/** The three names that identify an instance. */
export interface InstanceNames {
  provider: string;
  org: string;
  name: string;
}

export function orgRef(provider: string, org: string): string {
  return `${provider}/${org}`;
}

export function instanceRef(instance: InstanceNames): string {
  return `${orgRef(instance.provider, instance.org)}/${instance.name}`;
}

export function keyRef(instance: InstanceNames, keyName: string): string {
  return `${instanceRef(instance)}/${keyName}`;
}

// The `keyturn://` form of a key's ref (what "Copy reference" copies): core's own, pure, no dependencies.
export { referenceFor, referenceById, REFERENCE_SCHEME } from '../core/references/reference.js';
