import { afterEach, beforeEach } from 'vitest';
import type { KeyturnApi } from '../../../electron/contract/api.js';
import type { EventPayloads } from '../../../electron/contract/contract.js';
import { CALL_NAMES, EVENT_NAMES, listenerOf, methodOf, type EventName } from '../../../electron/contract/names.js';
import type { Instance, KeyRow, ProviderInfo, Rotation, RotationView, VaultOverview } from '../../../electron/contract/views.js';
import { setHostApi } from '../../../renderer/src/api/client.js';
import { useApp } from '../../../renderer/src/store/store.js';

/** What a fake host was subscribed to, so a test can send an event as the host would. */
export interface FakeHost {
  api: KeyturnApi;
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
}

/**
 * A host that answers only the calls a test gives (typed from the contract); any other call
 * rejects, so a hook that calls what it should not fails its test.
 */
export function fakeHost(calls: Partial<KeyturnApi>): FakeHost {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: Record<string, unknown> = {};
  for (const name of CALL_NAMES) api[methodOf(name)] = () => Promise.reject(new Error(`the test did not expect ${name}`));
  for (const event of EVENT_NAMES) {
    api[listenerOf(event)] = (listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    };
  }
  const typed = Object.assign(api, calls) as KeyturnApi;
  setHostApi(typed);
  return {
    api: typed,
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}

/** Every hook test starts from an empty store and leaves no fake host behind. */
export function resetAppBetweenTests(): void {
  const initial = useApp.getState();
  beforeEach(() => useApp.setState({ ...initial, overview: null, dialog: null, announcement: '' }, true));
  afterEach(() => void fakeHost({}));
}

export const instance = (over: Partial<Instance> = {}): Instance => ({
  id: 'inst-1',
  provider: 'xora',
  org: 'acme',
  name: 'jobs',
  env: 'production',
  baseUrl: 'https://api.xora.test',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

export const provider = (over: Partial<ProviderInfo> = {}): ProviderInfo => ({
  id: 'xora',
  displayName: 'Xora',
  keyFormat: 'xora_…',
  needsProjectId: false,
  needsBaseUrl: false,
  createBy: 'api',
  revokeBy: 'api',
  rotateInPlace: false,
  nativeExpiry: false,
  ...over,
});

export const keyRow = (over: Partial<KeyRow> = {}): KeyRow => ({
  id: 'key-1',
  ref: 'xora/acme/jobs/api',
  name: 'api',
  provider: 'xora',
  org: 'acme',
  instance: 'jobs',
  env: 'production',
  maskedKey: 'xora_ab…',
  fingerprint: 'f',
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  expiresOn: null,
  maxAgeDays: null,
  remoteId: null,
  lastVerification: null,
  rejected: false,
  pendingFor: null,
  policy: { state: 'ok', dueOn: null, dueBy: null },
  ...over,
});

export const overview = (over: Partial<VaultOverview> = {}): VaultOverview => ({
  instances: [instance()],
  keys: [keyRow()],
  attention: 0,
  rejected: 0,
  providers: [provider()],
  warnings: [],
  ...over,
});

const step = { status: 'waiting' as const };
export const rotationView = (over: Partial<RotationView> = {}, rotation: Partial<Rotation> = {}): RotationView => ({
  rotation: {
    id: 'rot-1',
    oldKeyId: 'key-1',
    instanceId: 'inst-1',
    newKeyId: 'key-2',
    inPlace: false,
    state: 'in-progress',
    startedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    steps: { create: { status: 'running' }, swap: step, verify: step, revoke: step },
    providerKeyName: 'api-2',
    targets: [],
    warnings: [],
    journal: [],
    ...rotation,
  },
  ref: 'xora/acme/jobs/api',
  env: 'production',
  instanceName: 'jobs',
  running: true,
  heldBy: null,
  question: null,
  revokeGuide: null,
  failure: null,
  referenceSites: [],
  ...over,
});
