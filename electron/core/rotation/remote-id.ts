import type { ParamsOf } from '../domain/problems/catalogue.js';
import { ProblemError, fail, problem } from '../domain/problems/problem-error.js';
import type { KeyRecord, VaultDocument } from '../domain/model.js';
import type { KeyManagementApi, RemoteKey } from '../providers/key-api.js';
import type { MetadataStore } from '../store/metadata-store.js';
import { typedBack } from '../domain/problems/params.js';

/** A key the provider lists, as a person picks from it: never the secret. */
export interface RemoteKeyCandidate {
  id: string;
  name: string;
  createdAt: string | null;
  lastUsedAt: string | null;
}

/** How a key's id at the provider was found. */
export type RemoteIdEvidence = 'stored' | 'chosen' | 'prefix' | 'only-unknown';

export type RemoteIdentification =
  | { kind: 'known'; id: string; by: RemoteIdEvidence }
  /**
   * Several listed keys could be this one: a person picks (they are the keys the provider lists for
   * its account, none known to be another vault key). The likeliest come first: the record's name,
   * then the most recently used.
   */
  | { kind: 'ambiguous'; candidates: RemoteKeyCandidate[] }
  /** Every listed key is known to be another key in the vault: nothing is left to be this one. */
  | { kind: 'none' };

/** The shortest listed prefix taken as evidence: `nxr_` alone, or a lone `…`, would match any key. */
const MIN_PREFIX_LENGTH = 8;

/**
 * Finds a key's id at the provider, listing with that very key (so the list is its account's, and
 * this key is in it). Only evidence that cannot point at another key decides: the stored id; a
 * `prefix` the provider shows (at least 8 characters); the one listed key that no other key in the
 * vault on the same account is known to be (nor the new key of this key's rotation). A unique name
 * or a `last_used_at` that moved is not enough: a colleague's key may carry the name this record
 * was given, and a busy key moves while this one may not (the document does not say which calls
 * set it). Revoking the wrong key cannot be undone, so those only order the candidates a person
 * picks from.
 */
export async function identifyRemoteKey(api: KeyManagementApi, secret: string, record: KeyRecord, doc: VaultDocument, chosenId?: string): Promise<RemoteIdentification> {
  if (record.remoteId && chosenId === undefined) return { kind: 'known', id: record.remoteId, by: 'stored' };
  const listed = await api.list(secret);
  const others = keysThatAreNotThisOne(doc, record, listed);
  if (chosenId !== undefined) return { kind: 'known', id: checkChosen(listed, others, chosenId), by: 'chosen' };

  const candidates = listed.filter((k) => !others.has(k.id));
  const byPrefix = candidates.filter((k) => {
    const prefix = k.prefix?.replace(/…$/, '') ?? '';
    return prefix.length >= MIN_PREFIX_LENGTH && secret.startsWith(prefix);
  });
  if (byPrefix.length === 1 && byPrefix[0]) return { kind: 'known', id: byPrefix[0].id, by: 'prefix' };

  if (candidates.length === 0) return { kind: 'none' };
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (only) return { kind: 'known', id: only.id, by: 'only-unknown' };
  return { kind: 'ambiguous', candidates: candidates.map(candidateOf).sort(likeliestFor(record)) };
}

/** A remote id given for a provider whose keys Keyturn never addresses by id. */
export function noKeyApi(provider: string): ProblemError {
  return new ProblemError(problem('remote-id.no-key-api', { field: 'remoteId', provider }));
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

/** What a listed key surely is instead of the one looked for, as a problem says it. */
type OtherKey = Pick<ParamsOf<'remote-id.other-key'>, 'is' | 'name'>;

/**
 * Listed keys that are surely not `record`: other live vault keys with a stored id on the same
 * account (same provider and base URL, whichever instance holds them), and the new key of this
 * key's rotation in progress (its unique name), whose id may not be stored yet after a crash.
 * Each maps to what it is, for a problem.
 */
function keysThatAreNotThisOne(doc: VaultDocument, record: KeyRecord, listed: RemoteKey[]): Map<string, OtherKey> {
  const account = accountOf(doc, record.instanceId);
  const ids = new Map<string, OtherKey>();
  for (const k of doc.keys) {
    if (k.id !== record.id && k.remoteId && k.status !== 'revoked' && account !== null && accountOf(doc, k.instanceId) === account) ids.set(k.remoteId, { is: 'vault-key', name: k.name });
  }
  const rotation = doc.rotations.find((r) => r.oldKeyId === record.id && r.state === 'in-progress');
  if (rotation) for (const k of listed) if (k.name === rotation.providerKeyName) ids.set(k.id, { is: 'new-key' });
  return ids;
}

/** Which provider account an instance's keys live in, as far as the vault can tell: provider and base URL. */
function accountOf(doc: VaultDocument, instanceId: string): string | null {
  const instance = doc.instances.find((i) => i.id === instanceId);
  return instance ? `${instance.provider} ${instance.baseUrl.replace(/\/+$/, '')}` : null;
}

function checkChosen(listed: RemoteKey[], others: Map<string, OtherKey>, chosenId: string): string {
  const id = chosenId.trim();
  const other = others.get(id);
  if (other !== undefined) fail('remote-id.other-key', { field: 'remoteId', id: typedBack(id), ...other });
  if (!listed.some((k) => k.id === id)) {
    fail('remote-id.not-listed', { field: 'remoteId', id: typedBack(id), listed: listed.filter((k) => !others.has(k.id)).map((k) => k.id) });
  }
  return id;
}

function candidateOf(k: RemoteKey): RemoteKeyCandidate {
  return { id: k.id, name: k.name, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt };
}

/** The likeliest first for a person choosing: the record's own name, then the most recently used, never-used last. */
function likeliestFor(record: KeyRecord): (a: RemoteKeyCandidate, b: RemoteKeyCandidate) => number {
  const named = (c: RemoteKeyCandidate) => (c.name === record.name ? 0 : 1);
  return (a, b) => named(a) - named(b) || (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? '');
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
  if (found.kind === 'none') return null;
  const picked = req.choose ? await req.choose({ ...req.question, candidates: found.candidates }) : null;
  if (picked === null) return null;
  const id = picked.trim();
  if (!found.candidates.some((c) => c.id === id)) {
    // The answer is not repeated: it may be a key pasted at the wrong prompt.
    fail('remote-id.answer-not-listed', { field: 'remoteId', ref: req.question.ref, candidates: found.candidates.map((c) => c.id) });
  }
  await storeRemoteId(req.metadata, req.record.id, id);
  return id;
}
