import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { EnvBadge } from '../../ui/EnvBadge.js';
import { POLICY_STATE_OPTIONS, PolicyBadge } from '../../ui/PolicyBadge.js';
import { ageInDays, shortDate } from '../../ui/format.js';
import { useApp } from '../../store/store.js';
import { visibleKeys } from './visible-keys.js';

const ROW_HEIGHT = 36;

/** The keys of the selected node, virtualized: thousands of rows stay fluid. */
export function KeyTable() {
  const overview = useApp((s) => s.overview);
  const node = useApp((s) => s.selectedNode);
  const selectedRef = useApp((s) => s.selectedKeyRef);
  const selectKey = useApp((s) => s.selectKey);
  const { query, env, provider, status, setQuery, setEnv, setProvider, setStatus } = useApp();
  const rows = useMemo(() => visibleKeys(overview?.keys ?? [], node, { query, env, provider, status }), [overview, node, query, env, provider, status]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const now = Date.now();
  const hasRows = rows.length > 0;
  useEffect(() => {
    if (hasRows && performance.getEntriesByName('keyturn:table-rendered').length === 0) requestAnimationFrame(() => performance.mark('keyturn:table-rendered'));
  }, [hasRows]);

  return (
    <section className="keys" aria-label="Keys">
      <div className="filters">
        <input type="search" aria-label="Search keys" placeholder="Search keys…" value={query} onChange={(e) => setQuery(e.target.value)} />
        <select aria-label="Environment" value={env} onChange={(e) => setEnv(e.target.value as typeof env)}>
          <option value="all">All environments</option>
          <option value="production">Production</option>
          <option value="sandbox">Sandbox</option>
        </select>
        <select aria-label="Provider" value={provider} onChange={(e) => setProvider(e.target.value)}>
          <option value="all">All providers</option>
          {overview?.providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </select>
        <select aria-label="State" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="all">All states</option>
          {POLICY_STATE_OPTIONS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <span className="muted" aria-live="polite" data-testid="key-count">
          {rows.length} {rows.length === 1 ? 'key' : 'keys'}
        </span>
      </div>
      <div role="table" aria-label="Keys" aria-rowcount={rows.length} className="table">
        <div role="row" className="row head">
          {['Name', 'Key', 'Status', 'Environment', 'Age', 'Due', 'Last verified'].map((h) => (
            <span role="columnheader" key={h}>
              {h}
            </span>
          ))}
        </div>
        <div ref={scroller} className="table-body" data-testid="key-rows">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const k = rows[item.index];
              if (!k) return null;
              return (
                <div
                  role="row"
                  aria-rowindex={item.index + 1}
                  aria-selected={k.ref === selectedRef}
                  tabIndex={0}
                  key={k.id}
                  className={`row ${k.ref === selectedRef ? 'selected' : ''} row-${k.env}`}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  onClick={() => selectKey(k.ref)}
                  onKeyDown={(e) => e.key === 'Enter' && selectKey(k.ref)}
                >
                  <span role="cell" className="ref">{k.ref}</span>
                  <span role="cell" className="mono">{k.maskedKey}</span>
                  <span role="cell" className={`status status-${k.status}`}>{k.status}</span>
                  <span role="cell"><EnvBadge env={k.env} /></span>
                  <span role="cell">{ageInDays(k.createdAt, now)} d</span>
                  <span role="cell" title={k.policy.dueBy ?? undefined}>
                    <PolicyBadge state={k.policy.state} /> {k.policy.state === 'retired' ? '' : shortDate(k.policy.dueOn)}
                  </span>
                  <span role="cell">{k.lastVerification ? `${k.lastVerification.result} ${shortDate(k.lastVerification.at)}` : 'never'}</span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
