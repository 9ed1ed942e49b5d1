import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../../electron/core/crypto/fingerprint.js';
import { findKeysInText } from '../../../../electron/core/scan/find-keys.js';
import { toDisplay, type CommitInfo, type Finding } from '../../../../electron/core/scan/finding.js';
import { keyMatcher, type VaultMatch } from '../../../../electron/core/scan/key-matcher.js';
import { FINGERPRINT_KEY, sarifLog, VAULT_KEY_RULE, type ReportedFinding } from '../../../../electron/core/scan/sarif.js';
import { sampleKeys } from '../../../support/keys.js';

const schema = JSON.parse(readFileSync('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', 'utf8')) as object;
// The schema's language pattern is not valid under the u flag (a stray bracket): compiled as plain regular expressions.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const stored = sampleKeys.nora('production');
const revoked = sampleKeys.nora('sandbox');
const unknown = sampleKeys.xora();
const custom = 'zz-not-a-provider-shape-1234567890';
const match = (ref: string, environment: 'sandbox' | 'production', status: VaultMatch['status'], maskedKey: string): VaultMatch => ({ keyId: ref, ref, environment, status, maskedKey });
const matcher = keyMatcher({
  customProviders: [],
  vaultKeys: [
    { fingerprint: fingerprintOf(stored), head: null, match: match('nora/acme/live/backend', 'production', 'active', 'sk_live_abc…') },
    { fingerprint: fingerprintOf(revoked), head: null, match: match('nora/acme/test/old', 'sandbox', 'revoked', 'sk_test_abc…') },
    { fingerprint: fingerprintOf(custom), head: 'zz-not-a-pr', match: match('acme/acme/main/k', 'production', 'active', 'zz-not-a-pr…') },
  ],
});

/** The findings of one text, as the report shows them (the secret dropped). */
function reported(path: string, text: string, commit: CommitInfo | null = null): ReportedFinding[] {
  return findKeysInText(text, matcher).map((k) => {
    const finding: Finding = { file: `/repo/${path}`, path, line: k.line, column: k.column, variable: null, providerId: k.providerId, environment: k.environment, org: k.org, maskedKey: k.maskedKey, fingerprint: k.fingerprint, match: k.match, commit, secret: k.secret };
    return { ...toDisplay(finding), endColumn: k.column + k.secret.length, revoked: k.match?.status === 'revoked' };
  });
}

const text = `const a = "${stored}";\nconst b = '${revoked}';\n  x = ${unknown}\nk: ${custom}\n`;
const providerNames = new Map([['nora', 'Nora'], ['xora', 'Xora']]);

describe('SARIF 2.1.0', () => {
  it('a tree scan is valid against the official schema: one rule per provider and one for vault keys of no shape, levels, regions, fingerprints', () => {
    const findings = reported('src/my config.ts', text);
    expect(findings).toHaveLength(4);
    const log = sarifLog({ kind: 'tree', root: '/work/my repo', findings, providerNames, toolVersion: '0.1.0' });
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0];
    expect(run?.tool.driver.rules?.map((r) => r.id)).toEqual(['keyturn/nora', VAULT_KEY_RULE, 'keyturn/xora'].sort());
    expect(run?.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/my%20repo/' } });
    const results = run?.results ?? [];
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ['keyturn/nora', 'error'],
      ['keyturn/nora', 'note'],
      ['keyturn/xora', 'error'],
      [VAULT_KEY_RULE, 'error'],
    ]);
    expect(results[0]?.message.text).toBe('A Nora key of your vault, nora/acme/live/backend (PRODUCTION, active): sk_live_abc….');
    expect(results[2]?.message.text).toMatch(/^A Xora key not in your vault: nte_/);
    expect(results[0]?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'src/my%20config.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 12, endColumn: 12 + stored.length } });
    expect(results[0]?.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: fingerprintOf(stored) });
    for (const r of results) expect(run?.tool.driver.rules?.[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
  });

  it('a history scan is valid too, with each result\'s commit, author date and whether HEAD still has it', () => {
    const commit = { sha: 'a'.repeat(40), authorDate: '2026-11-30T10:00:00+01:00', atHead: false };
    const log = sarifLog({ kind: 'history', root: '/repo', findings: reported('.env', text, commit), providerNames, toolVersion: null });
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]?.results?.[0]?.properties).toEqual({ commit: commit.sha, authorDate: commit.authorDate, atHead: false });
    expect(log.runs[0]?.results?.[0]?.message.text).toMatch(/added in commit aaaaaaaaaaaa, removed since/);
  });

  it('an empty scan is a valid log with no results', () => {
    const log = sarifLog({ kind: 'staged', root: '/repo', findings: [], providerNames, toolVersion: null });
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0]?.results).toEqual([]);
  });

  it('the schema check is real: a result of an unknown level or a region starting at line 0 is refused', () => {
    const log = sarifLog({ kind: 'tree', root: '/repo', findings: reported('a.ts', text), providerNames, toolVersion: null });
    const broken = JSON.parse(JSON.stringify(log)) as { runs: { results: { level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    const first = broken.runs[0]?.results[0];
    if (!first) throw new Error('no result');
    first.level = 'fatal';
    expect(validate(broken)).toBe(false);
    first.level = 'error';
    (first.locations[0] as { physicalLocation: { region: { startLine: number } } }).physicalLocation.region.startLine = 0;
    expect(validate(broken)).toBe(false);
  });

  it('never holds a secret', () => {
    const json = JSON.stringify(sarifLog({ kind: 'tree', root: '/repo', findings: reported('a.ts', text), providerNames, toolVersion: null }));
    for (const secret of [stored, revoked, unknown, custom]) expect(json).not.toContain(secret);
  });
});
