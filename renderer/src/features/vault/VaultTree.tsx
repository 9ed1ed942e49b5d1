import { useMemo } from 'react';
import { instanceRef, orgRef } from '../../../../electron/contract/refs.js';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { needsAttention } from '../../ui/PolicyBadge.js';
import { useApp } from '../../store/store.js';

/** provider → organization → instance, each instance labelled with its environment and key count. */
export function VaultTree() {
  const overview = useApp((s) => s.overview);
  const selected = useApp((s) => s.selectedNode);
  const selectNode = useApp((s) => s.selectNode);
  const tree = useMemo(() => {
    const counts = new Map<string, number>();
    // Keys due soon, overdue or expired, per node: what needs attention shows from the tree.
    const due = new Map<string, number>();
    const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    for (const k of overview?.keys ?? []) {
      const ref = instanceRef({ provider: k.provider, org: k.org, name: k.instance });
      if (k.status === 'active' || k.status === 'pending') bump(counts, ref);
      if (needsAttention(k.policy.state)) for (const node of [k.provider, orgRef(k.provider, k.org), ref]) bump(due, node);
    }
    const providers = new Map<string, Map<string, { ref: string; name: string; env: 'sandbox' | 'production'; count: number }[]>>();
    for (const i of overview?.instances ?? []) {
      const orgs = providers.get(i.provider) ?? new Map();
      const list = orgs.get(i.org) ?? [];
      const ref = instanceRef(i);
      list.push({ ref, name: i.name, env: i.env, count: counts.get(ref) ?? 0 });
      orgs.set(i.org, list);
      providers.set(i.provider, orgs);
    }
    return { providers: [...providers.entries()].sort(([a], [b]) => a.localeCompare(b)), due };
  }, [overview]);
  const dueBadge = (node: string) => {
    const n = tree.due.get(node) ?? 0;
    return n > 0 ? <span className="due-count" title={`${n} due or overdue`}>{n} due</span> : null;
  };

  return (
    <nav className="tree" aria-label="Vault">
      <button type="button" className={`tree-item ${selected === null ? 'selected' : ''}`} onClick={() => selectNode(null)}>
        All keys <span className="count">{overview?.keys.length ?? 0}</span>
      </button>
      {tree.providers.map(([provider, orgs]) => (
        <div key={provider} className="tree-provider">
          <button type="button" className={`tree-item tree-level-0 ${selected === provider ? 'selected' : ''}`} onClick={() => selectNode(provider)}>
            {overview?.providers.find((p) => p.id === provider)?.displayName ?? provider} {dueBadge(provider)}
          </button>
          {[...orgs.entries()].map(([org, instances]) => (
            <div key={org}>
              <button type="button" className={`tree-item tree-level-1 ${selected === orgRef(provider, org) ? 'selected' : ''}`} onClick={() => selectNode(orgRef(provider, org))}>
                {org} {dueBadge(orgRef(provider, org))}
              </button>
              {/* Production first, always in the same place. */}
              {[...instances].sort((a, b) => (a.env === b.env ? a.name.localeCompare(b.name) : a.env === 'production' ? -1 : 1)).map((i) => (
                <button type="button" key={i.ref} className={`tree-item tree-level-2 tree-${i.env} ${selected === i.ref ? 'selected' : ''}`} onClick={() => selectNode(i.ref)}>
                  <EnvBadge env={i.env} /> {i.name} {dueBadge(i.ref)} <span className="count">{i.count}</span>
                </button>
              ))}
            </div>
          ))}
        </div>
      ))}
    </nav>
  );
}
