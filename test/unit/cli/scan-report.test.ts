import { describe, expect, it } from 'vitest';
import { planCommand } from '../../../electron/cli/command-plan.js';
import { humanReport } from '../../../electron/cli/scan/human-report.js';
import { scanPlanOf } from '../../../electron/cli/scan/scan-options.js';
import { scanReport } from '../../../electron/cli/scan/scan-report.js';
import type { VaultDocument } from '../../../electron/core/domain/model.js';
import { ProblemError } from '../../../electron/core/domain/problems/problem-error.js';
import { fingerprintOf } from '../../../electron/core/crypto/fingerprint.js';
import type { FindingCheck } from '../../../electron/core/node/scan/verify-findings.js';
import type { Finding, ScanKind } from '../../../electron/core/scan/finding.js';
import type { VaultMatch } from '../../../electron/core/scan/key-matcher.js';
import { sampleKeys } from '../../support/keys.js';

const doc = { schemaVersion: 1, instances: [], keys: [], customProviders: [], rotations: [] } as unknown as VaultDocument;

function finding(secret: string, path: string, line: number, match: VaultMatch | null, extra: Partial<Finding> = {}): Finding {
  const providerId = secret.startsWith('nte_') ? 'xora' : secret.startsWith('nxr_') ? 'nexora' : 'nora';
  const environment = secret.startsWith('sk_test_') ? 'sandbox' : secret.startsWith('sk_live_') ? 'production' : null;
  return { file: `/p/${path}`, path, line, column: 5, variable: null, providerId, environment, org: null, maskedKey: `${secret.slice(0, 10)}…`, fingerprint: fingerprintOf(secret), match, commit: null, secret, ...extra };
}
const vaultMatch = (ref: string, environment: 'sandbox' | 'production', status: VaultMatch['status']): VaultMatch => ({ keyId: ref, ref, environment, status, maskedKey: `${ref}-masked…` });

function report(kind: ScanKind, findings: Finding[], checks: Map<string, FindingCheck> | null = null) {
  return humanReport(scanReport({ kind, root: '/p', read: { files: 1, commits: 0 }, reported: findings, baselined: 2, doc, checks }), { dir: '/p' });
}

describe('the scan report for a person', () => {
  const keys = { prod: sampleKeys.nora('production'), test: sampleKeys.nora('sandbox'), xora: sampleKeys.xora(), nexora: sampleKeys.nexora(), old: sampleKeys.nora('production') };
  const findings = [
    finding(keys.xora, 'b.ts', 1, null),
    finding(keys.test, 'a.ts', 9, vaultMatch('nora/acme/test/ci', 'sandbox', 'active')),
    finding(keys.nexora, 'a.ts', 1, null),
    finding(keys.prod, 'z.ts', 3, vaultMatch('nora/acme/live/api', 'production', 'active')),
    finding(keys.prod, 'a.ts', 2, vaultMatch('nora/acme/live/api', 'production', 'active')),
  ];

  it('groups by key: vault matches first, production before sandbox, then the others by provider; places in path order', () => {
    const text = report('tree', findings);
    const headers = text.split('\n').filter((l) => l !== '' && !l.startsWith(' '));
    expect(headers).toEqual([
      'nora/acme/live/api  PRODUCTION  active  nora/acme/live/api-masked…',
      'nora/acme/test/ci  SANDBOX  active  nora/acme/test/ci-masked…',
      `Nexora key, not in your vault  ${keys.nexora.slice(0, 10)}…`,
      `Xora key, not in your vault  ${keys.xora.slice(0, 10)}…`,
      '4 keys in 5 places (2 in your vault); 2 accepted by the baseline',
    ]);
    expect(text).toMatch(/^nora\/acme\/live\/api .*\n {2}a\.ts:2:5\n {2}z\.ts:3:5\n/);
    for (const secret of Object.values(keys)) expect(text).not.toContain(secret);
  });

  it('a key already revoked (in the vault, or as --verify found) is said to be no emergency', () => {
    const text = report('tree', [finding(keys.old, 'a.ts', 1, vaultMatch('nora/acme/live/old', 'production', 'revoked')), finding(keys.xora, 'b.ts', 1, null)], new Map([[fingerprintOf(keys.xora), { result: 'revoked', reason: '401 token revoked', instanceRef: null }]]));
    expect(text).toMatch(/^nora\/acme\/live\/old {2}PRODUCTION {2}revoked .*\n {2}a\.ts:1:5\n {2}next: it is revoked already: no emergency; remove it from the file\n/);
    expect(text).toMatch(/\nXora key, not in your vault {2}nte_\S+… {2}revoked\n {2}b\.ts:1:5\n {2}works now\? no, it is revoked: .*\n {2}next: it is revoked already: no emergency/);
  });

  it('--verify: whether each key works now, and through which instance', () => {
    const checks = new Map<string, FindingCheck>([
      [fingerprintOf(keys.prod), { result: 'valid', reason: '200', instanceRef: 'nora/acme/live' }],
      [fingerprintOf(keys.xora), { result: 'unknown', reason: 'no xora instance to ask through', instanceRef: null }],
    ]);
    const text = report('tree', [finding(keys.prod, 'a.ts', 2, vaultMatch('nora/acme/live/api', 'production', 'active')), finding(keys.xora, 'b.ts', 1, null)], checks);
    expect(text).toContain('  works now? yes, it works (asked through nora/acme/live): treat it as live\n');
    expect(text).toContain('  works now? unknown: no xora instance to ask through\n');
  });

  it('a history finding: its commit, date and "removed since"; the action is to rotate or revoke', () => {
    const commit = { sha: 'abcdef0123456789abcdef0123456789abcdef01', authorDate: '2026-11-30T10:00:00Z', atHead: false };
    const text = report('history', [finding(keys.prod, 'a.ts', 2, vaultMatch('nora/acme/live/api', 'production', 'active'), { commit })]);
    expect(text).toContain('  a.ts:2:5  commit abcdef0123 2026-11-30  (removed since)\n  next: it was committed (it is in your vault as nora/acme/live/api (PRODUCTION, active)), so rotate it: keyturn rotate nora/acme/live/api\n        or revoke it now: keyturn revoke --leaked\n');
  });

  it('an unknown key: revoke it in its provider\'s dashboard, or import it from the folder', () => {
    const text = report('tree', [finding(keys.xora, 'my file.ts', 1, null)]);
    expect(text).toMatch(/ {2}next: revoke it at Xora: https:\/\/\S+\n( {10}- .+\n)+ {8}or take it into your vault: keyturn scan \/p --import\n/);
  });
});

describe('keyturn scan: which choices go together', () => {
  const refused = (args: Parameters<typeof scanPlanOf>[1]) => {
    try {
      scanPlanOf(undefined, args, '/cwd');
    } catch (error) {
      return error instanceof ProblemError ? error.problem : error;
    }
    return null;
  };
  it('defaults to a scan of the current folder, in words, with .keyturnignore', () => {
    expect(scanPlanOf(undefined, {}, '/cwd')).toMatchObject({ source: 'tree', dir: '/cwd', format: 'human', baseline: null, writeBaseline: null });
    expect(scanPlanOf('repo', { git: true, since: 'v1', sarif: true, baseline: 'b.txt' }, '/cwd')).toMatchObject({ source: 'history', dir: '/cwd/repo', format: 'sarif', since: 'v1', baseline: '/cwd/b.txt' });
  });
  it('refuses what does not go together, as bad input', () => {
    expect(refused({ git: true, pushed: true })).toEqual({ code: 'scan.options-conflict', conflict: 'one-source' });
    expect(refused({ staged: true, import: true })).toEqual({ code: 'scan.options-conflict', conflict: 'import-tree-only' });
    expect(refused({ staged: true, since: 'x' })).toEqual({ code: 'scan.options-conflict', conflict: 'since-history-only' });
    expect(refused({ json: true, sarif: true })).toEqual({ code: 'scan.options-conflict', conflict: 'one-format' });
    expect(refused({ pushed: true, verify: true })).toEqual({ code: 'scan.options-conflict', conflict: 'verify-not-hook' });
    expect(refused({ replaceWithReferences: true })).toEqual({ code: 'scan.replace-needs-import' });
  });
  it('runs --staged and --pushed on the lean path, unless help is asked or the word is an option\'s value', () => {
    expect(planCommand(['scan', '--staged']).program).toBe('scan-hook');
    expect(planCommand(['--home', '/h', 'scan', '/repo', '--pushed']).program).toBe('scan-hook');
    expect(planCommand(['scan', '--staged', '--help']).program).toBe('whole');
    expect(planCommand(['scan', '--baseline', '--staged']).program).toBe('whole');
    expect(planCommand(['scan', '--git']).program).toBe('whole');
  });
});
