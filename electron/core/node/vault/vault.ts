import { randomUUID } from 'node:crypto';
import { checkDays, parseDay } from '../../policy/policy-changes.js';
import type { AuditEvent } from '../../ports/audit-sink.js';
import type { CorePorts } from '../../ports/core-ports.js';
import { KeychainError } from '../../ports/secret-store.js';
import type { ProviderProfile } from '../../providers/profile.js';
import { canonicalProviderId, resolveProfile } from '../../providers/registry.js';
import { verifyKey } from '../../verify/verify-key.js';
import type { Problem } from '../../domain/problems/catalogue.js';
import { ProblemError, fail } from '../../domain/problems/problem-error.js';
import { checkBaseUrl, checkProjectId, checkVerifyPath } from '../../vault/instance-input.js';
import {
  BUILTIN_PROVIDERS,
  customProviderInputSchema,
  environmentSchema,
  segmentSchema,
  type CustomProvider,
  type Environment,
  type Instance,
  type Target,
  type KeyRecord,
  type VaultDocument,
  type Verification,
  type VerifyResult,
} from '../../domain/model.js';
import { checkNewKey, type NewKeyCheck, type NewKeyRefusal } from '../../vault/new-key-check.js';
import { keyRejected } from '../../vault/key-rejected.js';
import { describeKeychainError, storeSecretVerified } from '../../vault/secret-write.js';
import { describeTarget } from '../../targets/describe.js';
import { addTargetTo, makeTarget, removeTargetFrom, targetKeyOf, type NewTarget } from './target-ops.js';
import { findInstance, findKey, instanceRef, keyRef, type ResolvedKey } from '../../vault/refs.js';
import { matchesFilter, toKeyView, type KeyFilter, type KeyView } from '../../vault/views.js';
import { readStoredSecret, revealSecret, type RevealAction } from '../../vault/reveal.js';
import { refuseIfInRotation, requireRemovalConfirmed, type RemovalConfirmation } from '../../vault/removal-rules.js';
import { verifySecretReader } from '../../vault/verify-secrets.js';
import { recordReferenceSites, type FoundReference, type RecordedSites } from '../../references/record-sites.js';
import { recordScanSites } from '../../scan/scan-sites.js';
import type { LeakScan } from '../../scan/finding.js';
import type { KeyShapeProblem } from '../../domain/problems/key-shape.js';
import { keyShapeKinds } from '../../domain/problems/key-shape.kinds.js';
import { typedBack } from '../../domain/problems/params.js';

/** What the vault adds to the core's ports: how its records get their ids (tests fix them). */
export interface VaultParts {
  newId?: () => string;
}

export interface AddInstanceInput {
  provider: string;
  org: string;
  name: string;
  env: string;
  baseUrl?: string;
  projectId?: string;
  verifyPath?: string;
  dashboardUrl?: string;
}

export interface AddKeyInput {
  /** A stored instance (PROVIDER/ORG/INSTANCE), or: */
  instanceRef?: string;
  /** an instance created with the key, in the same write: both are stored or neither. */
  newInstance?: AddInstanceInput;
  name: string;
  /** As pasted: surrounding whitespace is trimmed with a warning. */
  secret: string;
  expiresOn?: string;
  maxAgeDays?: number;
  /**
   * Ask the provider before storing (the hosts' *Add key*). Off for callers that store keys in
   * bulk (scan import, seeding a vault), which verify afterwards, all at once, if they want.
   */
  verify?: boolean;
}

export interface VerifyOutcome {
  ref: string;
  id: string;
  result: VerifyResult;
  httpStatus: number | null;
  revoked: boolean;
  reason: string;
}

type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };

/** A value parsed by `schema`, or the problem `refuse` makes of the first issue's message. */
function parseWith<T>(schema: { safeParse(v: unknown): Parsed<T> }, value: unknown, refuse: (reason: string) => Problem): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ProblemError(refuse(parsed.error.issues[0]?.message ?? 'is invalid'));
  return parsed.data;
}

/** A name the vault cannot use: `field` says which (the organization, the instance, the key). */
const badName = (field: 'org' | 'instance' | 'name') => (reason: string): Problem => ({ code: 'name.invalid', field, reason });

/** The vault: instances, key records and their secrets. All behaviour the hosts expose lives here. */
export class Vault {
  readonly #deps: CorePorts;
  readonly #newId: () => string;

  constructor(ports: CorePorts, parts: VaultParts = {}) {
    this.#deps = ports;
    this.#newId = parts.newId ?? randomUUID;
  }

  /** Records what was done (the action has happened by now: the sink never throws, see audit-sink.ts). */
  #audit(...events: AuditEvent[]): void {
    this.#deps.audit.appendAll(events);
  }

  read(): VaultDocument {
    return this.#deps.metadata.read();
  }

  async addInstance(input: AddInstanceInput): Promise<Instance> {
    return this.#deps.metadata.update((doc) => {
      const instance = this.#draftInstance(doc, input);
      return { doc: { ...doc, instances: [...doc.instances, instance] }, result: instance };
    }).then((instance) => {
      this.#audit({ action: 'instance.add', outcome: 'ok', detail: `${instanceRef(instance)} (${instance.env})` });
      return instance;
    });
  }

  /** An instance as `addInstance` would add it to `doc`, every field checked; not stored. */
  #draftInstance(doc: VaultDocument, input: AddInstanceInput): Instance {
    const org = parseWith(segmentSchema, input.org, badName('org'));
    const name = parseWith(segmentSchema, input.name, badName('instance'));
    const env: Environment = parseWith(environmentSchema, input.env, (reason) => ({ code: 'env.invalid', field: 'env', reason }));
    const profile = resolveProfile(input.provider, doc.customProviders);
    const instance: Instance = {
      id: this.#newId(),
      provider: canonicalProviderId(input.provider, doc.customProviders),
      org,
      name,
      env,
      baseUrl: checkBaseUrl(input.baseUrl, profile, env),
      createdAt: this.#deps.clock.now().toISOString(),
    };
    const projectId = checkProjectId(input.projectId, profile);
    const verifyPath = checkVerifyPath(input.verifyPath);
    if (projectId) instance.projectId = projectId;
    if (verifyPath) instance.verifyPath = verifyPath;
    if (input.dashboardUrl) instance.dashboardUrl = checkBaseUrl(input.dashboardUrl, profile, env);
    if (doc.instances.some((i) => i.provider === instance.provider && i.org === org && i.name === name)) {
      fail('instance.exists', { field: 'instance', ref: instanceRef(instance) });
    }
    return instance;
  }

  listInstances(): Instance[] {
    return this.read().instances;
  }

  async addCustomProvider(definition: CustomProvider): Promise<CustomProvider> {
    const provider = parseWith(customProviderInputSchema, definition, (reason) => ({ code: 'provider.definition-invalid', reason }));
    if (!provider.keyPrefix && !provider.keyPattern) fail('provider.needs-prefix-or-pattern', { field: 'prefix' });
    if (provider.keyPattern) {
      try {
        new RegExp(provider.keyPattern);
      } catch {
        fail('provider.pattern-invalid', { field: 'pattern', value: typedBack(provider.keyPattern) });
      }
    }
    return this.#deps.metadata.update((doc) => {
      if (doc.customProviders.some((c) => c.name === provider.name) || (BUILTIN_PROVIDERS as readonly string[]).includes(provider.name)) {
        fail('provider.exists', { field: 'name', name: provider.name });
      }
      return { doc: { ...doc, customProviders: [...doc.customProviders, provider] }, result: provider };
    }).then((added) => {
      this.#audit({ action: 'provider.add', outcome: 'ok', detail: added.name });
      return added;
    });
  }

  /**
   * Checks a pasted key for an instance without storing anything (live validation); `instance` is a
   * stored instance's ref, or one about to be created with the key.
   */
  checkKey(instance: string | AddInstanceInput, pasted: string): { refusal: NewKeyRefusal | null; warnings: string[]; maskedKey: string } {
    const doc = this.read();
    const target = typeof instance === 'string' ? findInstance(doc, instance) : this.#draftInstance(doc, instance);
    const check = checkNewKey(doc, resolveProfile(target.provider, doc.customProviders), target, pasted);
    return { refusal: check.refusal, warnings: check.warnings, maskedKey: check.maskedKey };
  }

  /**
   * Stores a key, in a stored instance or in a new one created with it (both or neither). With
   * `verify`, the provider is asked first: a key it rejects (401) is refused and nothing is stored;
   * one it cannot judge (no answer, 5xx, another body) is stored with that verification, unverified.
   * Order matters: the keychain is written and read back first, then the metadata; a failure at any
   * step leaves nothing behind.
   */
  async addKey(input: AddKeyInput): Promise<{ key: KeyView; warnings: string[] }> {
    const name = parseWith(segmentSchema, input.name, badName('name'));
    const expiresOn = input.expiresOn === undefined ? undefined : this.#checkExpiry(input.expiresOn);
    if (input.maxAgeDays !== undefined) checkDays(input.maxAgeDays, 'maximum-age');
    // Everything about the key is checked before the provider is asked, and again under the lock.
    const placed = this.#placeKey(this.read(), input, name);
    const verification = input.verify ? await verifyKey(this.#deps.http, placed.profile, placed.instance, placed.check.secret, this.#deps.clock) : undefined;
    if (verification?.result === 'rejected') throw new ProblemError(keyRejected(placed.profile.displayName, verification, placed.isNew ? instanceRef(placed.instance) : undefined));
    let storedId: string | null = null;
    return this.#deps.metadata.update(async (doc) => {
      const { instance, isNew, check } = this.#placeKey(doc, input, name, placed.instance);
      const record: KeyRecord = {
        id: this.#newId(),
        instanceId: instance.id,
        name,
        maskedKey: check.maskedKey,
        fingerprint: check.fingerprint,
        createdAt: this.#deps.clock.now().toISOString(),
        status: 'active',
        targets: [],
      };
      if (expiresOn) record.expiresOn = expiresOn;
      if (input.maxAgeDays !== undefined) record.maxAgeDays = input.maxAgeDays;
      if (verification) record.lastVerification = verification;
      await this.#storeSecret(record.id, check.secret);
      storedId = record.id;
      const instances = isNew ? [...doc.instances, instance] : doc.instances;
      return { doc: { ...doc, instances, keys: [...doc.keys, record] }, result: { key: toKeyView(record, instance), warnings: check.warnings, isNew } };
    }).then(
      ({ isNew, ...added }) => {
        const { key } = added;
        this.#audit(
          ...(isNew ? [{ action: 'instance.add', outcome: 'ok' as const, detail: `${instanceRef({ provider: key.provider, org: key.org, name: key.instance })} (${key.env})` }] : []),
          { action: 'key.add', keyId: key.id, maskedKey: key.maskedKey, outcome: 'ok', detail: `${key.ref}${verification ? ` (verified: ${verification.result})` : ''}` },
        );
        return added;
      },
      async (error: unknown) => {
        // The metadata write failed after the secret was stored: take the secret back out.
        if (storedId) await this.#deps.secrets.delete(this.#deps.keychainService, storedId).catch(() => false);
        throw error;
      },
    );
  }

  /**
   * Where a new key goes and whether it may go there: its instance (stored, or drafted from
   * `newInstance`; `draft` keeps the id chosen before the lock), a free name, and a key that passes
   * every check. Throws the refusal, marked "nothing was stored" (nor the new instance).
   */
  #placeKey(doc: VaultDocument, input: AddKeyInput, name: string, draft?: Instance): { instance: Instance; isNew: boolean; profile: ProviderProfile; check: NewKeyCheck } {
    const isNew = input.newInstance !== undefined;
    const instance = input.newInstance === undefined ? findInstance(doc, input.instanceRef ?? '') : { ...this.#draftInstance(doc, input.newInstance), ...(draft ? { id: draft.id, createdAt: draft.createdAt } : {}) };
    if (doc.keys.some((k) => k.instanceId === instance.id && k.name === name)) {
      fail('key.name-taken', { field: 'name', instance: instanceRef(instance), name });
    }
    const profile = resolveProfile(instance.provider, doc.customProviders);
    const check = checkNewKey(doc, profile, instance, input.secret);
    if (check.refusal) throw new ProblemError(refusedAtAdd(check.refusal, isNew ? instanceRef(instance) : undefined));
    return { instance, isNew, profile, check };
  }

  #checkExpiry(value: string): string {
    parseDay(value);
    const today = this.#deps.clock.now().toISOString().slice(0, 10);
    if (value < today) fail('key.expiry-passed', { field: 'expires', value: typedBack(value) });
    return value;
  }

  #storeSecret(id: string, secret: string): Promise<void> {
    return storeSecretVerified(this.#deps.secrets, this.#deps.keychainService, id, secret);
  }

  async addTarget(ref: string, input: NewTarget, cwd: string): Promise<Target> {
    const target = await makeTarget(input, this.#newId(), cwd, targetKeyOf(this.read(), ref));
    const added = await this.#deps.metadata.update((doc) => ({ doc: addTargetTo(doc, ref, target), result: target }));
    const { record } = findKey(this.read(), ref);
    this.#audit({ action: 'target.add', keyId: record.id, maskedKey: record.maskedKey, outcome: 'ok', detail: describeTarget(added).where });
    return added;
  }

  listTargets(ref: string): Target[] {
    return findKey(this.read(), ref).record.targets;
  }

  async removeTarget(ref: string, targetId: string): Promise<Target> {
    const removed = await this.#deps.metadata.update((doc) => {
      const { doc: next, removed } = removeTargetFrom(doc, ref, targetId);
      return { doc: next, result: removed };
    });
    const { record } = findKey(this.read(), ref);
    this.#audit({ action: 'target.remove', keyId: record.id, maskedKey: record.maskedKey, outcome: 'ok', detail: describeTarget(removed).where });
    return removed;
  }

  listKeys(filter: KeyFilter = {}): KeyView[] {
    const doc = this.read();
    const instances = new Map(doc.instances.map((i) => [i.id, i]));
    const views: KeyView[] = [];
    for (const record of doc.keys) {
      const instance = instances.get(record.instanceId);
      if (!instance) continue;
      const view = toKeyView(record, instance);
      if (matchesFilter(view, filter)) views.push(view);
    }
    return views;
  }

  showKey(ref: string): KeyView {
    const { record, instance } = findKey(this.read(), ref);
    return toKeyView(record, instance);
  }

  resolve(ref: string): ResolvedKey {
    return findKey(this.read(), ref);
  }

  /** The secret itself: only for a person who asked (get, reveal, copy) or a call that needs it. */
  async readSecret(ref: string): Promise<string> {
    const { record, instance } = findKey(this.#readForKey(ref), ref);
    return this.#secretOf(record, instance);
  }

  /** The secret for a person who asked to see or copy it: the read is an audit event. */
  async revealSecret(ref: string, action: RevealAction): Promise<string> {
    const { secrets, keychainService } = this.#deps;
    return revealSecret({ readForKey: (r) => this.#readForKey(r), secrets, keychainService, audit: (event) => this.#audit(event) }, ref, action);
  }

  /** Enough of the document to find one key: on a large vault, that key's record without all the others. */
  #readForKey(ref: string): VaultDocument {
    return this.#deps.metadata.readForKey?.(ref) ?? this.read();
  }

  async #secretOf(record: KeyRecord, instance: Instance): Promise<string> {
    return readStoredSecret(this.#deps.secrets, this.#deps.keychainService, record, instance);
  }

  /**
   * Removes a key. The secret is deleted first and put back if the metadata cannot be written,
   * so a failure never leaves a record without its secret or a hidden secret without a record.
   */
  async removeKey(ref: string, confirmation: RemovalConfirmation = {}): Promise<KeyView> {
    const { secrets, keychainService } = this.#deps;
    let removed: { id: string; secret: string } | null = null;
    return this.#deps.metadata.update(async (doc) => {
      const { record, instance } = findKey(doc, ref);
      refuseIfInRotation(doc, record, instance, 'remove');
      requireRemovalConfirmed(instance, 'key', confirmation);
      let secret: string | null;
      try {
        secret = await secrets.get(keychainService, record.id);
        if (secret !== null) await secrets.delete(keychainService, record.id);
      } catch (error) {
        // A locked keychain reads as empty to keytar; the store tells it apart, so the record is kept.
        if (error instanceof KeychainError) throw error;
        fail('keychain.remove-failed', { detail: describeKeychainError(error) }, { cause: error });
      }
      if (secret !== null) removed = { id: record.id, secret };
      return { doc: { ...doc, keys: doc.keys.filter((k) => k.id !== record.id) }, result: toKeyView(record, instance) };
    }).then(
      (view) => {
        this.#audit({ action: 'key.remove', keyId: view.id, maskedKey: view.maskedKey, outcome: 'ok', detail: view.ref });
        return view;
      },
      async (error: unknown) => {
        // The metadata still lists the key: put its secret back so the record stays usable.
        const toRestore = removed as { id: string; secret: string } | null;
        if (toRestore) await secrets.set(keychainService, toRestore.id, toRestore.secret).catch(() => undefined);
        throw error;
      },
    );
  }

  /**
   * Renames a key within its instance (the name rules of `key add`; a name another key of the
   * instance has is refused). Swap targets, rotations and reminders go by the key's id, so they
   * follow it; a `keyturn://` reference written with the old name no longer resolves.
   */
  /**
   * Records the `keyturn://` references a scan found as usage sites of their keys (see
   * recordReferenceSites): sites in the scanned files are replaced by what was found there now.
   * Returns what names nothing in this vault.
   */
  async recordReferenceSites(scannedFiles: readonly string[], found: readonly FoundReference[]): Promise<Omit<RecordedSites, 'doc'>> {
    return this.#deps.metadata.update((doc) => {
      const { doc: next, ...outcome } = recordReferenceSites(doc, scannedFiles, found, this.#deps.clock.now());
      // Nothing to record (no reference found, none recorded before): a scan writes nothing.
      return next === doc ? { result: outcome } : { doc: next, result: outcome };
    });
  }

  /**
   * Records where a scan found vault keys in plain text as their scan sites (see recordScanSites):
   * the sites in what it read are replaced by what it found there now. Writes nothing when nothing changed.
   */
  async recordScanSites(scan: LeakScan): Promise<void> {
    await this.#deps.metadata.update((doc) => {
      const { doc: next } = recordScanSites(doc, scan, this.#deps.clock.now());
      return next === doc ? { result: undefined } : { doc: next, result: undefined };
    });
  }

  async renameKey(ref: string, newName: string): Promise<KeyView> {
    const name = parseWith(segmentSchema, newName, badName('name'));
    const { view, before } = await this.#deps.metadata.update((doc) => {
      const { record, instance } = findKey(doc, ref);
      refuseIfInRotation(doc, record, instance, 'rename');
      if (doc.keys.some((k) => k.instanceId === instance.id && k.name === name && k.id !== record.id)) fail('key.name-taken', { field: 'name', instance: instanceRef(instance), name });
      const renamed = { ...record, name };
      return { doc: { ...doc, keys: doc.keys.map((k) => (k.id === record.id ? renamed : k)) }, result: { view: toKeyView(renamed, instance), before: keyRef(instance, record) } };
    });
    if (before !== view.ref) this.#audit({ action: 'key.rename', keyId: view.id, maskedKey: view.maskedKey, outcome: 'ok', detail: `${before} → ${view.ref}` });
    return view;
  }

  /**
   * Removes an instance that holds no keys (refused with how many it holds, so no key is lost with
   * it); a production instance needs its name typed back. Its policy override goes with it.
   */
  async removeInstance(ref: string, confirmation: RemovalConfirmation = {}): Promise<Instance> {
    const removed = await this.#deps.metadata.update((doc) => {
      const instance = findInstance(doc, ref);
      const held = doc.keys.filter((k) => k.instanceId === instance.id).length;
      if (held > 0) fail('instance.has-keys', { ref: instanceRef(instance), count: held });
      requireRemovalConfirmed(instance, 'instance', confirmation);
      const { [instance.id]: _override, ...instances } = doc.policy?.instances ?? {};
      const policy = doc.policy ? { doc: { ...doc.policy, instances } } : null;
      return { doc: { ...doc, instances: doc.instances.filter((i) => i.id !== instance.id), ...(policy ? { policy: policy.doc } : {}) }, result: instance };
    });
    this.#audit({ action: 'instance.remove', outcome: 'ok', detail: `${instanceRef(removed)} (${removed.env})` });
    return removed;
  }

  /**
   * Verifies keys with each provider's cheap authenticated call, all at once: the HTTP client's
   * per-host cap bounds the network concurrency. Secrets are read in the order the requests go out
   * (a large batch in chunks of one keychain call each, a small one key by key), so keychain reads
   * overlap the network instead of preceding it.
   */
  async verify(refs: readonly string[] | 'all'): Promise<VerifyOutcome[]> {
    const doc = this.read();
    const targets: ResolvedKey[] = refs === 'all' ? this.#allResolved(doc) : refs.map((ref) => findKey(doc, ref));
    if (targets.length === 0) return [];
    // Secrets are read in turn across provider hosts, so every host's queue is fed from the start
    // rather than the last host waiting for all the others' secrets.
    const ordered = interleaveByHost(targets);
    // A keychain that cannot answer (locked, unavailable) stops the whole verification and nothing is
    // recorded: all secrets live in one keychain, and "holds no secret" would be false.
    const readSecret = verifySecretReader(this.#deps.secrets, this.#deps.keychainService, ordered.map(({ record }) => record.id));
    const outcomes = await Promise.all(
      ordered.map(async ({ record, instance }): Promise<VerifyOutcome & { verification: Verification }> => {
        const ref = keyRef(instance, record);
        const secret = await readSecret(record.id).catch((error: unknown) => {
          if (error instanceof KeychainError) throw error;
          fail('keychain.read-failed', { detail: describeKeychainError(error) }, { cause: error });
        });
        const verification: Verification =
          secret === null
            ? { at: this.#deps.clock.now().toISOString(), result: 'unknown', httpStatus: null, revoked: false, reason: 'the keychain holds no secret for this key' }
            : await verifyKey(this.#deps.http, resolveProfile(instance.provider, doc.customProviders), instance, secret, this.#deps.clock);
        return { ref, id: record.id, ...pickOutcome(verification), verification };
      }),
    );
    const byId = new Map(outcomes.map((o) => [o.id, o.verification]));
    await this.#deps.metadata.update((current) => ({
      doc: { ...current, keys: current.keys.map((k) => (byId.has(k.id) ? { ...k, lastVerification: byId.get(k.id) } : k)) },
      result: undefined,
    }));
    this.#audit(
      ...targets.map(({ record }) => {
        const v = byId.get(record.id) as Verification;
        return { action: 'key.verify', keyId: record.id, maskedKey: record.maskedKey, outcome: v.result === 'valid' || v.result === 'limited' ? ('ok' as const) : ('failed' as const), detail: `${v.result}${v.httpStatus ? ` (${v.httpStatus})` : ''}` };
      }),
    );
    const order = new Map(targets.map((t, i) => [t.record.id, i]));
    return outcomes
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
      .map(({ verification: _unused, ...outcome }) => outcome);
  }

  #allResolved(doc: VaultDocument): ResolvedKey[] {
    const instances = new Map(doc.instances.map((i) => [i.id, i]));
    return doc.keys
      .filter((k) => k.status === 'active' || k.status === 'pending')
      .flatMap((record) => {
        const instance = instances.get(record.instanceId);
        return instance ? [{ record, instance }] : [];
      });
  }
}

function isKeyShapeProblem(p: Problem): p is KeyShapeProblem {
  return p.code.startsWith('key.') && p.code in keyShapeKinds;
}

/** A new key's refusal as `key add` reports it: nothing was stored, nor the instance to be created with it. */
function refusedAtAdd(refusal: Problem, newInstance: string | undefined): Problem {
  const context = { nothingStored: true, ...(newInstance ? { newInstance } : {}) };
  if (refusal.code === 'new-key.already-stored' || isKeyShapeProblem(refusal)) return { ...refusal, ...context };
  return refusal;
}

function interleaveByHost(targets: readonly ResolvedKey[]): ResolvedKey[] {
  const byHost = new Map<string, ResolvedKey[]>();
  for (const target of targets) {
    const host = new URL(target.instance.baseUrl).host;
    byHost.set(host, [...(byHost.get(host) ?? []), target]);
  }
  const queues = [...byHost.values()];
  const out: ResolvedKey[] = [];
  for (let i = 0; out.length < targets.length; i++) {
    for (const queue of queues) if (i < queue.length) out.push(queue[i] as ResolvedKey);
  }
  return out;
}

function pickOutcome(v: Verification): Pick<VerifyOutcome, 'result' | 'httpStatus' | 'revoked' | 'reason'> {
  return { result: v.result, httpStatus: v.httpStatus, revoked: v.revoked, reason: v.reason };
}
