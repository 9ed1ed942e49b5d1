import { UserInputError } from '../domain/errors.js';
import type { KeyRecord, VaultDocument } from '../domain/model.js';
import type { KeyManagementApi, RemoteKey } from '../providers/key-api.js';
import type { MetadataStore } from '../store/metadata-store.js';

/** A key the provider lists, as a person picks from it: never the secret. */
export interface RemoteKeyCandidate {
  id: string;
  name: string;
  createdAt: string | null;
  lastUsedAt: string | null;
}

/** How a key's id at the provider was found. */
export type RemoteIdEvidence = 'stored' | 'chosen' | 'prefix' | 'only-unknown' | 'last-used' | 'name';

export type RemoteIdentification =
  | { kind: 'known'; id: string; by: RemoteIdEvidence }
  /** Several listed keys could be this one: a person picks (they are the keys the provider lists for its account). */
  | { kind: 'ambiguous'; candidates: RemoteKeyCandidate[] };

/**
 * Finds a key's id at the provider, listing with that very key (so the list is its account's).
 * In order: the stored id; a `prefix` the provider shows; the one listed key no other key in the
 * vault is known to be; the one whose `last_used_at` moved with two rounds of our own calls; the
 * one with the record's name. Anything else is ambiguous and comes back as the candidates.
 *
 * The `last_used_at` evidence compares the provider's own values before and after our calls, never
 * our clock with theirs (a self-hosted server's clock may be minutes off). It takes a change in
 * both rounds: a key whose updates the provider throttles may move once while ours does not, and
 * picking that one would revoke the wrong key. A provider that never moves it simply gives no evidence.
 */
export async function identifyRemoteKey(api: KeyManagementApi, secret: string, record: KeyRecord, doc: VaultDocument, chosenId?: string): Promise<RemoteIdentification> {
  if (record.remoteId && chosenId === undefined) return { kind: 'known', id: record.remoteId, by: 'stored' };
  const first = await api.list(secret);
  const others = idsOfOtherKeys(doc, record);
  if (chosenId !== undefined) return { kind: 'known', id: checkChosen(first, others, chosenId), by: 'chosen' };

  const byPrefix = first.filter((k) => k.prefix && secret.startsWith(k.prefix.replace(/…$/, '')));
  if (byPrefix.length === 1 && byPrefix[0]) return { kind: 'known', id: byPrefix[0].id, by: 'prefix' };

  const candidates = first.filter((k) => !others.has(k.id));
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (only) return { kind: 'known', id: only.id, by: 'only-unknown' };
  // None unknown means a stored id is stale: every listed key is a candidate then.
  const pool = candidates.length > 0 ? candidates : first;

  const second = await api.list(secret);
  const third = await api.list(secret);
  const movedTwice = [...moved(first, second)].filter((id) => moved(second, third).has(id) && pool.some((k) => k.id === id));
  if (movedTwice.length === 1 && movedTwice[0]) return { kind: 'known', id: movedTwice[0], by: 'last-used' };

  const named = pool.filter((k) => k.name === record.name);
  if (named.length === 1 && named[0]) return { kind: 'known', id: named[0].id, by: 'name' };

  const latest = new Map(third.map((k) => [k.id, k]));
  return { kind: 'ambiguous', candidates: pool.map((k) => candidateOf(latest.get(k.id) ?? k)).sort(byLastUsed) };
}

/** A remote id given for a provider whose keys Keyturn never addresses by id. */
export function noKeyApi(provider: string): UserInputError {
  return new UserInputError(`${provider} has no key API, so Keyturn never needs a key's id there: leave out the remote id; nothing was changed`);
}

/** Stores the id on the key record, so the next rotation or revocation does not look again. */
export async function storeRemoteId(metadata: MetadataStore, keyId: string, remoteId: string): Promise<void> {
  await metadata.update((doc) => ({
    doc: { ...doc, keys: doc.keys.map((k) => (k.id === keyId && k.remoteId !== remoteId ? { ...k, remoteId } : k)) },
    result: undefined,
  }));
}

/**
 * The one-line description of a candidate a terminal prints. Every field is the provider's text:
 * quoted as JSON, so a control character or an escape sequence in it reaches no terminal raw.
 */
export function describeCandidate(c: RemoteKeyCandidate): string {
  const text = (value: string | null, none: string) => (value === null ? none : JSON.stringify(value).slice(1, -1));
  return `${text(c.id, '')}  ${JSON.stringify(c.name)}  created ${text(c.createdAt, 'unknown')}  last used ${text(c.lastUsedAt, 'never')}`;
}

function idsOfOtherKeys(doc: VaultDocument, record: KeyRecord): Map<string, string> {
  const ids = new Map<string, string>();
  for (const k of doc.keys) if (k.id !== record.id && k.instanceId === record.instanceId && k.remoteId && k.status !== 'revoked') ids.set(k.remoteId, k.name);
  return ids;
}

function checkChosen(listed: RemoteKey[], others: Map<string, string>, chosenId: string): string {
  const id = chosenId.trim();
  const owner = others.get(id);
  if (owner !== undefined) throw new UserInputError(`the remote id ${id} is the key "${owner}" in this vault, not this one: choose another of the listed ids`);
  if (!listed.some((k) => k.id === id)) {
    throw new UserInputError(`the remote id ${id} is not among the keys the provider lists for this key's account (${listed.map((k) => k.id).join(', ') || 'none'}): give one of those`);
  }
  return id;
}

/** Ids whose last_used_at is set in `after` and differs from `before`. */
function moved(before: RemoteKey[], after: RemoteKey[]): Set<string> {
  const earlier = new Map(before.map((k) => [k.id, k.lastUsedAt]));
  return new Set(after.filter((k) => k.lastUsedAt !== null && earlier.has(k.id) && earlier.get(k.id) !== k.lastUsedAt).map((k) => k.id));
}

function candidateOf(k: RemoteKey): RemoteKeyCandidate {
  return { id: k.id, name: k.name, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt };
}

/** Most recently used first, never-used last: the likeliest first for a person choosing. */
function byLastUsed(a: RemoteKeyCandidate, b: RemoteKeyCandidate): number {
  return (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? '');
}

/** What a person is asked when the provider lists several keys that could be this one. */
export interface RemoteKeyQuestion {
  provider: string;
  /** PROVIDER/ORG/INSTANCE/NAME of the key in the vault. */
  ref: string;
  maskedKey: string;
  candidates: RemoteKeyCandidate[];
}

/** The id a person picked, or null to leave it unknown (the revocation is then guided). */
export type ChooseRemoteKey = (question: RemoteKeyQuestion) => Promise<string | null>;

export interface ResolveRemoteIdRequest {
  api: KeyManagementApi;
  /** The key itself: the provider lists its account's keys, and may mark its use. */
  secret: string;
  record: KeyRecord;
  doc: VaultDocument;
  metadata: MetadataStore;
  question: Omit<RemoteKeyQuestion, 'candidates'>;
  /** An id the person gave beforehand (`--remote-id`): checked against the list, never trusted blindly. */
  chosenId?: string;
  choose?: ChooseRemoteKey;
}

/**
 * The key's id at the provider, asking the person when the list leaves it open, and stored on the
 * record once known. Null when it stays unknown. A provider call that fails throws (the caller
 * falls back to the dashboard); an id that is not one of the listed keys is bad input.
 */
export async function resolveRemoteId(req: ResolveRemoteIdRequest): Promise<string | null> {
  const found = await identifyRemoteKey(req.api, req.secret, req.record, req.doc, req.chosenId);
  if (found.kind === 'known') {
    if (found.by !== 'stored') await storeRemoteId(req.metadata, req.record.id, found.id);
    return found.id;
  }
  const picked = req.choose ? await req.choose({ ...req.question, candidates: found.candidates }) : null;
  if (picked === null) return null;
  const id = picked.trim();
  if (!found.candidates.some((c) => c.id === id)) {
    throw new UserInputError(`${id} is not one of the listed keys that could be ${req.question.ref} (${found.candidates.map((c) => c.id).join(', ')}): choose one of those`);
  }
  await storeRemoteId(req.metadata, req.record.id, id);
  return id;
}
