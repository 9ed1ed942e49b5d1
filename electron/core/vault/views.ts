import type { Environment, Instance, KeyRecord, KeyStatus, Verification } from '../domain/model.js';
import { keyRef } from './refs.js';

/** A key record joined with its instance, as lists and the renderer show it. Never holds the secret. */
export interface KeyView {
  id: string;
  ref: string;
  name: string;
  provider: string;
  org: string;
  instance: string;
  env: Environment;
  maskedKey: string;
  fingerprint: string;
  status: KeyStatus;
  createdAt: string;
  expiresOn: string | null;
  maxAgeDays: number | null;
  remoteId: string | null;
  lastVerification: Verification | null;
  /** Its provider rejected it (401) at the last check: shown as rejected, never as active/ok. */
  rejected: boolean;
  /** A rotation's pending key: the id of the key it is to replace (null for any other key). */
  pendingFor: string | null;
}

export function toKeyView(record: KeyRecord, instance: Instance): KeyView {
  return {
    id: record.id,
    ref: keyRef(instance, record),
    name: record.name,
    provider: instance.provider,
    org: instance.org,
    instance: instance.name,
    env: instance.env,
    maskedKey: record.maskedKey,
    fingerprint: record.fingerprint,
    status: record.status,
    createdAt: record.createdAt,
    expiresOn: record.expiresOn ?? null,
    maxAgeDays: record.maxAgeDays ?? null,
    remoteId: record.remoteId ?? null,
    lastVerification: record.lastVerification ?? null,
    rejected: record.lastVerification?.result === 'rejected',
    pendingFor: record.status === 'pending' ? (record.rotatedFrom ?? null) : null,
  };
}

export interface KeyFilter {
  provider?: string;
  env?: Environment;
  /** Case-insensitive substring of the ref or the masked key. */
  query?: string;
}

export function matchesFilter(view: KeyView, filter: KeyFilter): boolean {
  if (filter.provider && view.provider !== filter.provider && view.provider !== `custom:${filter.provider}`) return false;
  if (filter.env && view.env !== filter.env) return false;
  if (filter.query) {
    const q = filter.query.toLowerCase();
    if (!view.ref.toLowerCase().includes(q) && !view.maskedKey.toLowerCase().includes(q)) return false;
  }
  return true;
}
