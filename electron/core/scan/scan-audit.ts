import type { AuditEvent } from '../ports/audit-sink.js';
import type { LeakScan } from './finding.js';

/**
 * The audit entry of one scan: what it read and the counts of what it found; never a key, masked or
 * not, nor a fingerprint, nor a path (not even the scan's root). The audit chain goes to the team
 * inventory and lives as long as the vault: an entry naming where keys lie in plain text, or which
 * key, would make it a map of leaks readable long after they were cleaned up. The key's own record
 * holds its places (scanSites), bounded, replaced by each rescan; the log only says a scan happened
 * and how much it found. One entry per scan, however many findings.
 */
export function scanAuditEvent(scan: LeakScan, counts: { reported: number; baselined: number }): AuditEvent {
  const keys = new Set(scan.findings.map((f) => f.fingerprint));
  const known = new Set(scan.findings.flatMap((f) => (f.match ? [f.fingerprint] : [])));
  const read = scan.kind === 'history' || scan.kind === 'pushed' ? plural(scan.counts.commits, 'commit') : plural(scan.counts.files, 'file');
  const found = `${plural(scan.findings.length, 'finding')} of ${plural(keys.size, 'key')} (${known.size} in the vault, ${keys.size - known.size} not)`;
  return { action: `scan.${scan.kind}`, outcome: 'info', detail: `${read} read; ${found}; ${counts.reported} reported, ${counts.baselined} baselined` };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
