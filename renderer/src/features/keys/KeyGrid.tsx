import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useGridList, useGridListItem } from 'react-aria';
import { useListState, type ListState } from 'react-stately';
import type { KeyRow } from '../../../../electron/contract/views.js';
import { KeyRowCollection, type KeyNode } from './key-collection.js';

const ROW_HEIGHT = 44;

/**
 * The keys as react-aria's grid (useGridList: one Tab stop, arrow keys, Home/End, type to find,
 * Enter for the row's action), with only the rows in view in the page (@tanstack/react-virtual).
 * react-aria-components' own virtualized GridList and Table walk the whole collection for every
 * row they draw, at each change: with 10,000 keys a keystroke in the search box took 160 ms, far
 * over the app's 50 ms; the same react-aria hooks over this virtualizer stay in it.
 */
export const KeyGrid = memo(function KeyGrid(props: {
  rows: readonly KeyRow[];
  onOpen: (ref: string) => void;
  renderRow: (k: KeyRow) => ReactNode;
  rowClassName: (k: KeyRow) => string;
  describedBy: string;
}) {
  const { rows, onOpen } = props;
  const collection = useMemo(() => new KeyRowCollection(rows), [rows]);
  const state = useListState<KeyRow>({ collection, selectionMode: 'none' });
  const grid = useRef<HTMLDivElement>(null);
  const { gridProps } = useGridList({ 'aria-label': 'Keys', 'aria-describedby': props.describedBy, onAction: (key) => onOpen(String(key)) }, state, grid);
  const focusedKey = state.selectionManager.focusedKey;
  const focusedIndex = focusedKey == null ? undefined : collection.indexOf(focusedKey);
  const virtualizer = useVirtualizer({
    count: collection.size,
    getScrollElement: () => grid.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // The focused row stays in the page while it scrolls away, so the keyboard focus is never lost.
    rangeExtractor: (range) => {
      const shown = defaultRangeExtractor(range);
      return focusedIndex === undefined || shown.includes(focusedIndex) ? shown : [...shown, focusedIndex].sort((a, b) => a - b);
    },
  });
  // A key the keyboard moved to (End, Page Down, type to find) is scrolled into view, and so drawn.
  useEffect(() => {
    if (focusedIndex !== undefined && state.selectionManager.isFocused) virtualizer.scrollToIndex(focusedIndex, { align: 'auto' });
  }, [focusedIndex, state.selectionManager.isFocused, virtualizer]);

  return (
    <div {...gridProps} ref={grid} aria-rowcount={collection.size} className="key-table" data-testid="key-rows">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const node = collection.at(v.index);
          const k = node?.value;
          if (!node || !k) return null;
          return (
            <KeyGridRow key={node.key} node={node} index={v.index} state={state} top={v.start} className={props.rowClassName(k)} dataRef={k.ref}>
              {props.renderRow(k)}
            </KeyGridRow>
          );
        })}
      </div>
    </div>
  );
});

function KeyGridRow({ node, index, state, top, className, dataRef, children }: { node: KeyNode; index: number; state: ListState<KeyRow>; top: number; className: string; dataRef: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const { rowProps, gridCellProps } = useGridListItem({ node }, state, ref);
  return (
    <div
      {...rowProps}
      ref={ref}
      aria-rowindex={index + 1}
      data-ref={dataRef}
      className={className}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
    >
      <div {...gridCellProps}>{children}</div>
    </div>
  );
}
