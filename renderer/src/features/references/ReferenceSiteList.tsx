import type { ReferenceSite } from '../../../../electron/contract/views.js';
import { BreakableText } from './BreakableText.js';
import { siteFollows, siteWhere, sortedSites } from './site-text.js';
import './references.css';

/** Reference sites, one a line: `file:line`, the variable it fills, and whether it follows rotations. */
export function ReferenceSiteList({ sites, label, showKind = true }: { sites: readonly ReferenceSite[]; label: string; showKind?: boolean }) {
  return (
    <ul className="reference-sites" aria-label={label}>
      {sortedSites(sites).map((s) => (
        <li key={`${s.file}:${s.line}`}>
          <code className="site-where">
            <BreakableText text={siteWhere(s)} />
          </code>
          {s.variable && <code className="site-variable">{s.variable}</code>}
          {showKind && <span className={`site-kind site-by-${s.by}`}>{siteFollows(s)}</span>}
        </li>
      ))}
    </ul>
  );
}
