/** The header row of an audit table (mine or the team's): each column a button that sorts by it, its direction said to assistive tech. */
export function SortableHeader<K extends string>({ columns, sort, onSort, className }: { columns: readonly { key: K; label: string }[]; sort: { key: K; descending: boolean }; onSort: (key: K) => void; className: string }) {
  return (
    <div role="row" className={`row head ${className}`}>
      {columns.map((c) => (
        <span role="columnheader" key={c.key} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
          <button type="button" className="sort" onClick={() => onSort(c.key)}>
            {c.label}
            {sort.key === c.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
          </button>
        </span>
      ))}
    </div>
  );
}
