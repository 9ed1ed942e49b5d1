import type { Instance, KeyRecord, VaultDocument } from '../domain/model.js';
import { fail } from '../domain/problems/problem-error.js';
import { keyRef } from './refs.js';

/**
 * How a person confirms removing from a production instance: its name typed back
 * (`confirmInstanceName`), or `yes` where they chose not to be asked (the CLI's --yes).
 */
export interface RemovalConfirmation {
  confirmInstanceName?: string | undefined;
  yes?: boolean | undefined;
}

/** A production instance's key or the instance itself: refused unless its name was typed back exactly. */
export function requireRemovalConfirmed(instance: Instance, what: 'key' | 'instance', confirmation: RemovalConfirmation): void {
  if (instance.env !== 'production' || confirmation.yes === true) return;
  if (confirmation.confirmInstanceName !== instance.name) fail('removal.not-confirmed', { field: 'confirmName', instance: instance.name, what });
}

/** A key a rotation in progress holds (as its old or its pending key) keeps its name and its record until the rotation ends. */
export function refuseIfInRotation(doc: VaultDocument, record: KeyRecord, instance: Instance, action: 'remove' | 'rename'): void {
  const busy = doc.rotations.some((r) => r.state === 'in-progress' && (r.oldKeyId === record.id || r.newKeyId === record.id));
  if (busy) fail('key.in-rotation', { ref: keyRef(instance, record), action });
}
