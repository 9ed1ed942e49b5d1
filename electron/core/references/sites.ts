import type { KeyRecord, ReferenceSite } from '../domain/model.js';

/** The record with exactly these sites: the field left out when there are none, so records without any stay as they were. */
export function withReferenceSites(record: KeyRecord, sites: readonly ReferenceSite[]): KeyRecord {
  const { referenceSites: _old, ...rest } = record;
  return sites.length > 0 ? { ...rest, referenceSites: [...sites] } : rest;
}

/**
 * A rotation's promotion splits the old key's sites: those by name go to the new key with the name,
 * those by id stay with the old key (they name it alone).
 */
export function splitReferenceSites(sites: readonly ReferenceSite[] | undefined): { byName: ReferenceSite[]; byId: ReferenceSite[] } {
  const all = sites ?? [];
  return { byName: all.filter((s) => s.by === 'name'), byId: all.filter((s) => s.by === 'id') };
}
