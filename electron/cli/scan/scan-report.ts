import type { VaultDocument } from '../../core/domain/model.js';
import { guessRevocation } from '../../core/emergency/guess.js';
import type { FindingCheck } from '../../core/node/scan/verify-findings.js';
import { resolveProfileOrNull } from '../../core/providers/registry.js';
import { toDisplay, type Finding, type ScanKind } from '../../core/scan/finding.js';
import type { ReportedFinding } from '../../core/scan/sarif.js';

/*
 * What a scan reports, for every format: the findings the baseline did not accept, each with what
 * the report says of it (where it ends, whether it is revoked already), grouped by key, the vault's
 * keys first (production before sandbox), then the keys not in the vault by provider. Never a
 * secret: the secret of a finding is read here only to tell which provider dashboard revokes it.
 */

/** One key a scan found, and every place it is in. */
export interface KeyGroup {
  fingerprint: string;
  /** Where it was found, in order (path, then line). */
  places: ReportedFinding[];
  /** The first place's finding: its provider, environment, masked key and vault match. */
  first: ReportedFinding;
  revoked: boolean;
  check: FindingCheck | null;
  /** For a key not in the vault: its provider's name and how its dashboard revokes it. */
  revocation: { provider: string; url: string; steps: string[] } | null;
}

export interface ScanReport {
  kind: ScanKind;
  root: string;
  groups: KeyGroup[];
  findings: ReportedFinding[];
  baselined: number;
  /** The display name of each provider id seen. */
  providerNames: Map<string, string>;
  checks: ReadonlyMap<string, FindingCheck> | null;
  /** How much the scan read. */
  read: { files: number; commits: number };
}

export function scanReport(input: { kind: ScanKind; root: string; read: { files: number; commits: number }; reported: readonly Finding[]; baselined: number; doc: VaultDocument; checks: ReadonlyMap<string, FindingCheck> | null }): ScanReport {
  const { doc, checks } = input;
  const byKey = new Map<string, Finding[]>();
  for (const f of input.reported) byKey.set(f.fingerprint, [...(byKey.get(f.fingerprint) ?? []), f]);
  const providerNames = new Map<string, string>();
  const groups: KeyGroup[] = [...byKey.entries()].map(([fingerprint, found]) => {
    const check = checks?.get(fingerprint) ?? null;
    const first = found[0] as Finding;
    const revoked = first.match?.status === 'revoked' || check?.result === 'revoked';
    const places = found
      .map((f) => ({ ...toDisplay(f), endColumn: f.column + f.secret.length, revoked }))
      .sort((a, b) => compare(a.path, b.path) || a.line - b.line || a.column - b.column || compare(a.commit?.authorDate ?? '', b.commit?.authorDate ?? ''));
    for (const f of places) {
      if (f.providerId !== null && !providerNames.has(f.providerId)) providerNames.set(f.providerId, resolveProfileOrNull(f.providerId, doc.customProviders)?.displayName ?? f.providerId);
    }
    const guess = first.match ? null : guessRevocation(first.secret, doc);
    return {
      fingerprint,
      places,
      first: places[0] as ReportedFinding,
      revoked,
      check,
      revocation: guess ? { provider: guess.provider, url: guess.guide.url, steps: guess.guide.steps } : null,
    };
  });
  groups.sort(groupOrder);
  return { kind: input.kind, root: input.root, groups, findings: groups.flatMap((g) => g.places), baselined: input.baselined, providerNames, checks, read: input.read };
}

/** Vault keys first (production, then sandbox, then by ref); then the others by provider, environment and masked key. */
function groupOrder(a: KeyGroup, b: KeyGroup): number {
  const am = a.first.match;
  const bm = b.first.match;
  if (am && !bm) return -1;
  if (!am && bm) return 1;
  if (am && bm) return envRank(am.environment) - envRank(bm.environment) || compare(am.ref, bm.ref);
  return compare(a.first.providerId ?? '\uffff', b.first.providerId ?? '\uffff') || envRank(a.first.environment) - envRank(b.first.environment) || compare(a.first.maskedKey, b.first.maskedKey) || compare(a.fingerprint, b.fingerprint);
}

function envRank(env: string | null): number {
  return env === 'production' ? 0 : env === 'sandbox' ? 1 : 2;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many keys and places, and how many of those keys the vault holds. */
export function reportCounts(report: ScanReport): { keys: number; places: number; inVault: number; baselined: number } {
  return { keys: report.groups.length, places: report.findings.length, inVault: report.groups.filter((g) => g.first.match !== null).length, baselined: report.baselined };
}

/** What a folder scan reports besides its findings, in each format (see commands/scan.ts treeExtra). */
export interface TreeExtra {
  /** Fields the JSON report of a folder scan adds (references, imported, skipped). */
  json: Record<string, unknown>;
  /** Lines after the findings of the human report. */
  human: (report: ScanReport) => void;
  /** Places where a plaintext key was replaced by its reference: no longer in the file. */
  replaced: ReadonlySet<string>;
}
