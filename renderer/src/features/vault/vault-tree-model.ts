import { instanceRef, orgRef } from '../../../../electron/contract/refs.js';
import type { PolicyState, VaultOverview } from '../../../../electron/contract/views.js';
import { isOrdinaryLiveKey } from '../keys/key-status.js';

// The states a person should act on, as PolicyBadge's needsAttention has them (this model stays free of JSX so its tests need none).
const NEEDS_ATTENTION: ReadonlySet<PolicyState> = new Set<PolicyState>(['due soon', 'overdue', 'expired']);
const needsAttention = (state: PolicyState) => NEEDS_ATTENTION.has(state);

/** The tree's id for "All keys" (every other id is a reference: provider, provider/org, provider/org/instance). */
export const ALL_KEYS = '__all__';

/** What a node counts: its ordinary live keys, those due soon/overdue/expired, and those the provider rejected. */
export interface NodeCounts {
  keys: number;
  due: number;
  rejected: number;
}

export interface VaultTreeNode {
  id: string;
  kind: 'all' | 'provider' | 'org' | 'instance';
  label: string;
  env: 'sandbox' | 'production' | null;
  counts: NodeCounts;
  children: VaultTreeNode[];
}

/**
 * provider → organization → instance, production instances first, each node with its counts. A
 * rotation's pending key is not one of a node's keys, and a rejected key counts as rejected, not as ok.
 */
export function vaultTree(overview: VaultOverview | null): VaultTreeNode {
  const counts = new Map<string, NodeCounts>();
  const count = (id: string) => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { keys: 0, due: 0, rejected: 0 }));
    return c;
  };
  for (const k of overview?.keys ?? []) {
    const nodes = [ALL_KEYS, k.provider, orgRef(k.provider, k.org), instanceRef({ provider: k.provider, org: k.org, name: k.instance })];
    const live = k.status === 'active' || k.status === 'pending';
    for (const id of nodes) {
      const c = count(id);
      if (isOrdinaryLiveKey(k)) c.keys += 1;
      if (live && needsAttention(k.policy.state)) c.due += 1;
      if (live && k.rejected) c.rejected += 1;
    }
  }
  const providerName = (id: string) => overview?.providers.find((p) => p.id === id)?.displayName ?? id;
  const providers = new Map<string, Map<string, VaultTreeNode[]>>();
  for (const i of overview?.instances ?? []) {
    const orgs = providers.get(i.provider) ?? new Map<string, VaultTreeNode[]>();
    const list = orgs.get(i.org) ?? [];
    const id = instanceRef(i);
    list.push({ id, kind: 'instance', label: i.name, env: i.env, counts: count(id), children: [] });
    orgs.set(i.org, list);
    providers.set(i.provider, orgs);
  }
  // Production first, always in the same place.
  const byEnvThenName = (a: VaultTreeNode, b: VaultTreeNode) => (a.env === b.env ? a.label.localeCompare(b.label) : a.env === 'production' ? -1 : 1);
  const children = [...providers.entries()]
    .sort(([a], [b]) => providerName(a).localeCompare(providerName(b)))
    .map(([provider, orgs]): VaultTreeNode => ({
      id: provider,
      kind: 'provider',
      label: providerName(provider),
      env: null,
      counts: count(provider),
      children: [...orgs.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([org, instances]): VaultTreeNode => ({ id: orgRef(provider, org), kind: 'org', label: org, env: null, counts: count(orgRef(provider, org)), children: instances.sort(byEnvThenName) })),
    }));
  const all = count(ALL_KEYS);
  // The host's own count of rejected keys is what the rest of the app (the Audit tab) shows: the same number here.
  return { id: ALL_KEYS, kind: 'all', label: 'All keys', env: null, counts: { ...all, rejected: overview?.rejected ?? all.rejected }, children };
}

/** Every node with children: the tree opens them all until the person closes one. */
export function branchIds(root: VaultTreeNode): string[] {
  const ids: string[] = [];
  const walk = (n: VaultTreeNode) => {
    if (n.children.length > 0 && n.kind !== 'all') ids.push(n.id);
    n.children.forEach(walk);
  };
  root.children.forEach(walk);
  return ids;
}

/** The counts in words, for a node's accessible description and tooltip: "3 keys, 1 due, 1 rejected". */
export function countsInWords(c: NodeCounts): string {
  const parts = [`${c.keys} ${c.keys === 1 ? 'key' : 'keys'}`];
  if (c.due > 0) parts.push(`${c.due} due or overdue`);
  if (c.rejected > 0) parts.push(`${c.rejected} rejected`);
  return parts.join(', ');
}
