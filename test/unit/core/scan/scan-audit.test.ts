import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../../electron/core/crypto/fingerprint.js';
import type { Finding, LeakScan, ScanKind } from '../../../../electron/core/scan/finding.js';
import { scanAuditEvent } from '../../../../electron/core/scan/scan-audit.js';
import { sampleKeys } from '../../../support/keys.js';

const known = sampleKeys.nexora();
const unknown = sampleKeys.nora('production');

function finding(file: string, line: number, secret: string, inVault: boolean, commit?: string): Finding {
  const maskedKey = `${secret.slice(0, 8)}…`;
  return {
    file: `/home/dev/project/${file}`,
    path: file,
    line,
    column: 3,
    variable: null,
    providerId: secret.startsWith('nxr_') ? 'nexora' : 'nora',
    environment: 'production',
    org: null,
    maskedKey,
    fingerprint: fingerprintOf(secret),
    match: inVault ? { keyId: 'k1', ref: 'nexora/acme/self/ci', environment: 'production', status: 'active', maskedKey } : null,
    commit: commit ? { sha: commit, authorDate: '2026-11-30T09:00:00Z', atHead: true } : null,
    secret,
  };
}

const findings = [finding('src/a.ts', 1, known, true), finding('src/b.ts', 4, known, true), finding('deploy/.env', 2, unknown, false)];
const scan = (kind: ScanKind, found: Finding[] = findings): LeakScan => ({ kind, root: '/home/dev/project', findings: found, references: [], scannedFiles: ['/home/dev/project/src/a.ts'], counts: { files: 1234, commits: 56 } });

describe('the audit entry of a scan', () => {
  it('is one info entry per scan, named for its kind, with what it read and the counts of what it found', () => {
    expect(scanAuditEvent(scan('tree'), { reported: 2, baselined: 1 })).toEqual({
      action: 'scan.tree',
      outcome: 'info',
      detail: '1234 files read; 3 findings of 2 keys (1 in the vault, 1 not); 2 reported, 1 baselined',
    });
    expect(scanAuditEvent(scan('history', [finding('a.ts', 1, known, true, 'abc1234')]), { reported: 1, baselined: 0 })).toEqual({
      action: 'scan.history',
      outcome: 'info',
      detail: '56 commits read; 1 finding of 1 key (1 in the vault, 0 not); 1 reported, 0 baselined',
    });
    expect(scanAuditEvent(scan('staged', []), { reported: 0, baselined: 0 }).detail).toBe('1234 files read; 0 findings of 0 keys (0 in the vault, 0 not); 0 reported, 0 baselined');
    expect(scanAuditEvent(scan('pushed'), { reported: 3, baselined: 0 }).action).toBe('scan.pushed');
  });

  it('never names a key, masked or not, its fingerprint, its vault ref or where it was found', () => {
    for (const kind of ['tree', 'history', 'staged', 'pushed'] as const) {
      const entry = JSON.stringify(scanAuditEvent(scan(kind, [...findings, finding('x.ts', 9, unknown, false, 'def5678')]), { reported: 4, baselined: 0 }));
      for (const f of findings) {
        for (const shown of [f.secret, f.maskedKey, f.fingerprint, f.fingerprint.slice(0, 12), f.path, f.file, 'nexora/acme/self/ci', 'def5678']) expect(entry).not.toContain(shown);
      }
      expect(entry).not.toContain('/home/dev/project');
    }
  });
});
