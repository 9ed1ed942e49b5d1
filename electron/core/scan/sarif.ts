import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { DisplayedFinding, ScanKind } from './finding.js';

/*
 * A scan's findings as SARIF 2.1.0 (one run), so GitHub code scanning and other tools read them.
 * Never a secret: the message holds the masked key, and the partial fingerprint is the SHA-256 the
 * vault itself keeps of each key.
 */

/** The rule of a vault key of no provider's shape (found by its fingerprint only). */
export const VAULT_KEY_RULE = 'keyturn/vault-key';

/** What the report says of one finding, besides the finding itself. */
export interface ReportedFinding extends DisplayedFinding {
  /** The column just past the key (1-based, exclusive, as SARIF's endColumn). */
  endColumn: number;
  /** Whether the key is revoked already (its vault status, or what `--verify` found): no emergency. */
  revoked: boolean;
}

export interface SarifInput {
  kind: ScanKind;
  /** The folder scanned, or the repository's top folder: `%SRCROOT%`. */
  root: string;
  findings: readonly ReportedFinding[];
  /** The display name of each provider id seen (a rule per provider). */
  providerNames: ReadonlyMap<string, string>;
  toolVersion: string | null;
}

export const FINGERPRINT_KEY = 'keyturnFingerprint/v1';

export function sarifLog(input: SarifInput): Log {
  const ruleIds = [...new Set(input.findings.map(ruleIdOf))].sort();
  const rules: ReportingDescriptor[] = ruleIds.map((id) => ruleOf(id, input.providerNames));
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const results: Result[] = input.findings.map((f) => resultOf(f, index.get(ruleIdOf(f)) ?? 0, input.providerNames));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            // No informationUri: the project publishes no address of its own to point at.
            name: 'Keyturn',
            ...(input.toolVersion ? { version: input.toolVersion } : {}),
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri(input.root) } },
        automationDetails: { id: `keyturn/scan/${input.kind}/` },
        results,
      },
    ],
  };
}

function ruleIdOf(f: DisplayedFinding): string {
  return f.providerId === null ? VAULT_KEY_RULE : `keyturn/${f.providerId}`;
}

function ruleOf(id: string, names: ReadonlyMap<string, string>): ReportingDescriptor {
  if (id === VAULT_KEY_RULE) {
    return {
      id,
      name: 'VaultKey',
      shortDescription: { text: 'A key held in the Keyturn vault, in plain text' },
      fullDescription: { text: 'A string whose SHA-256 fingerprint is that of a key in the Keyturn vault.' },
      help: { text: 'Remove it from the file. If it was ever committed or pushed, rotate it (keyturn rotate REF) or revoke it (keyturn revoke --leaked).' },
      defaultConfiguration: { level: 'error' },
    };
  }
  const providerId = id.slice('keyturn/'.length);
  const name = names.get(providerId) ?? providerId;
  return {
    id,
    name: `${name.replace(/[^A-Za-z0-9]/g, '')}Key`,
    shortDescription: { text: `A ${name} API key in plain text` },
    fullDescription: { text: `A string of the ${name} key format that its provider profile accepts as an issued key.` },
    help: { text: 'Remove it from the file. If it is in your vault, rotate it (keyturn rotate REF); if not, revoke it at the provider, or take it into the vault (keyturn scan PATH --import).' },
    defaultConfiguration: { level: 'error' },
  };
}

function resultOf(f: ReportedFinding, ruleIndex: number, names: ReadonlyMap<string, string>): Result {
  return {
    ruleId: ruleIdOf(f),
    ruleIndex,
    level: f.revoked ? 'note' : 'error',
    message: { text: messageOf(f, names) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathUri(f.path), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.commit ? { properties: { commit: f.commit.sha, authorDate: f.commit.authorDate, atHead: f.commit.atHead } } : {}),
  };
}

function messageOf(f: ReportedFinding, names: ReadonlyMap<string, string>): string {
  const provider = f.providerId === null ? 'A key' : `A ${names.get(f.providerId) ?? f.providerId} key`;
  const where = f.commit ? ` (added in commit ${f.commit.sha.slice(0, 12)}${f.commit.atHead ? '' : ', removed since'})` : '';
  if (f.match) {
    const state = f.revoked ? 'revoked: no emergency' : f.match.status;
    return `${provider} of your vault, ${f.match.ref} (${f.match.environment.toUpperCase()}, ${state}): ${f.match.maskedKey}${where}.`;
  }
  const env = f.environment ? ` ${f.environment}` : '';
  return `${provider.replace(/ key$/, `${env} key`)} not in your vault: ${f.maskedKey}${f.revoked ? ' (revoked: no emergency)' : ''}${where}.`;
}

/** A relative path as a URI reference: each segment percent-encoded, the `/` kept. */
function pathUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The root as a file URL ending in `/` (SARIF's base for every relative location). */
function rootUri(root: string): string {
  const segments = root.split('/').map(encodeURIComponent).join('/');
  return `file://${segments.endsWith('/') ? segments : `${segments}/`}`;
}
