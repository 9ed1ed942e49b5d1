import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { KeyRow } from '../../../../electron/contract/views.js';
import { POLICY_STATE_OPTIONS } from '../../ui/PolicyBadge.js';
import { useApp } from '../../store/store.js';
import { runKeyAction } from './key-actions.js';
import { columnsFor, gridTemplate, minTableWidth } from './key-columns.js';
import { KeyContextMenu, type MenuPlace } from './KeyContextMenu.js';
import { KeyGrid } from './KeyGrid.js';
import { KeyRowCells } from './KeyRowCells.js';
import { actionForPress, onMac, opensContextMenu, shortcutLabel } from './key-shortcuts.js';
import { NoKeys } from './NoKeys.js';
import { useElementWidth } from './useElementWidth.js';
import { spansInstances, visibleKeys } from './visible-keys.js';
import './keys.css';

/**
 * The keys of the selected node as a grid (KeyGrid: one Tab stop, arrow keys, Enter opens),
 * virtualized: thousands of rows keep a few dozen in the page. Each row has a context menu (right
 * click, Shift+F10, the menu key, or its "⋯" button) and shortcuts that act on the focused row.
 */
export function KeyTable() {
  const overview = useApp((s) => s.overview);
  const node = useApp((s) => s.selectedNode);
  const selectedRef = useApp((s) => s.selectedKeyRef);
  const selectKey = useApp((s) => s.selectKey);
  const { query, env, provider, status, setQuery, setEnv, setProvider, setStatus } = useApp();
  const found = useMemo(() => visibleKeys(overview?.keys ?? [], node, { query, env, provider, status }), [overview, node, query, env, provider, status]);
  const rows = useSameRows(found);
  const names = useMemo(() => new Map((overview?.keys ?? []).map((k) => [k.id, k.name])), [overview]);
  const area = useRef<HTMLDivElement>(null);
  // The same array while the same columns fit (columnsFor keeps one per set): a new one would rebuild every row.
  const columns = columnsFor(useElementWidth(area));
  const [menu, setMenu] = useState<MenuPlace | null>(null);
  const mac = onMac();
  const showInstance = spansInstances(node);
  const today = Math.floor(Date.now() / 86_400_000);
  const hasRows = rows.length > 0;
  useEffect(() => {
    if (hasRows && performance.getEntriesByName('keyturn:table-rendered').length === 0) requestAnimationFrame(() => performance.mark('keyturn:table-rendered'));
  }, [hasRows]);

  const openMenu = useCallback((k: KeyRow, x: number, y: number) => setMenu({ ref: k.ref, name: k.name, x, y }), []);
  const rowOf = (target: EventTarget) => {
    const el = target instanceof Element ? target.closest<HTMLElement>('[data-ref]') : null;
    // Looked up when asked (a menu, a shortcut), not built for every key at each keystroke.
    const k = el?.dataset.ref ? rows.find((r) => r.ref === el.dataset.ref) : undefined;
    return el && k ? { el, k } : null;
  };
  // Capture phase: the grid's own keys (arrows, type to find) never see a shortcut meant for the row.
  const onKeyDownCapture = (e: KeyboardEvent) => {
    const row = rowOf(e.target);
    if (!row) return;
    if (opensContextMenu(e)) {
      e.preventDefault();
      e.stopPropagation();
      const r = row.el.getBoundingClientRect();
      return openMenu(row.k, r.left + 24, r.bottom);
    }
    const action = actionForPress(e);
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    void runKeyAction(action, row.k.ref);
  };
  const onContextMenu = (e: MouseEvent) => {
    const row = rowOf(e.target);
    if (!row) return;
    e.preventDefault();
    openMenu(row.k, e.clientX, e.clientY);
  };

  const rowClassName = useCallback((k: KeyRow) => `key-row row-${k.env} ${k.ref === selectedRef ? 'current' : ''}`, [selectedRef]);
  const renderRow = useCallback(
    (k: KeyRow) => <KeyRowCells k={k} columns={columns} showInstance={showInstance} replacedName={k.pendingFor ? names.get(k.pendingFor) : undefined} today={today} onMenu={openMenu} />,
    [columns, showInstance, names, today, openMenu],
  );
  const nodeLabel = node === null ? 'The vault' : node;

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
        <span className="muted key-count" aria-live="polite" data-testid="key-count">
          {rows.length} {rows.length === 1 ? 'key' : 'keys'}
        </span>
      </div>
      <div ref={area} className="key-table-area" style={{ ['--key-columns' as string]: gridTemplate(columns), ['--key-min-width' as string]: `${minTableWidth(columns)}px` }} onKeyDownCapture={onKeyDownCapture} onContextMenu={onContextMenu}>
        {hasRows ? (
          <>
            {/* The column names, for the eye: each value in a row says what it is to a screen reader (one grid cell per row). */}
            <div className="key-head" aria-hidden>
              {columns.map((c) => (
                <span key={c.id} className={`key-column key-column-${c.id}`}>
                  {c.id === 'actions' ? '' : c.label}
                </span>
              ))}
            </div>
            <KeyGrid
              rows={rows}
              onOpen={selectKey}
              describedBy="key-table-help"
              rowClassName={rowClassName}
              renderRow={renderRow}
            />
          </>
        ) : (
          <NoKeys nodeLabel={nodeLabel} />
        )}
      </div>
      <p className="visually-hidden" id="key-table-help">
        Enter opens a key; Shift+F10 opens its actions{shortcutLabel('verify', mac) ? `; ${shortcutLabel('verify', mac)} verifies it` : ''}.
      </p>
      <KeyContextMenu place={menu} onClose={() => setMenu(null)} />
    </section>
  );
}

/**
 * The previous list while a keystroke keeps the same keys ("k", "ke", "key" over keys named
 * key-…): the grid then has nothing to rebuild or redraw.
 */
function useSameRows(rows: KeyRow[]): KeyRow[] {
  const last = useRef(rows);
  const prev = last.current;
  if (prev !== rows && (prev.length !== rows.length || rows.some((k, i) => k !== prev[i]))) last.current = rows;
  return last.current;
}
