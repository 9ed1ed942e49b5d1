import type { Instance, ScanFindingView } from '../../../../electron/contract/views.js';

/**
 * How the Scan dialog shows what a scan found: one group per key (by fingerprint), the vault's own
 * keys first (they are certain and name the key), then the keys the vault does not hold. Pure: the
 * dialog and its tests share it.
 */
export interface FindingGroup {
  fingerprint: string;
  /** The vault key it is, or null: not in the vault. */
  inVault: string | null;
  match: ScanFindingView['match'];
  maskedKey: string;
  providerId: string | null;
  environment: ScanFindingView['environment'];
  org: string | null;
  /** Every place it was found: the files first, then the commits of the history. */
  places: ScanFindingView[];
}

export function groupFindings(findings: readonly ScanFindingView[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const group = groups.get(f.fingerprint);
    if (group) {
      group.places.push(f);
      group.inVault ??= f.inVault;
      group.match ??= f.match;
      continue;
    }
    groups.set(f.fingerprint, { fingerprint: f.fingerprint, inVault: f.inVault, match: f.match, maskedKey: f.maskedKey, providerId: f.providerId, environment: f.environment, org: f.org, places: [f] });
  }
  for (const g of groups.values()) g.places.sort((a, b) => Number(a.commit !== null) - Number(b.commit !== null) || a.path.localeCompare(b.path) || a.line - b.line);
  return [...groups.values()].sort((a, b) => Number(a.inVault === null) - Number(b.inVault === null) || (a.inVault ?? '').localeCompare(b.inVault ?? '') || (a.places[0]?.path ?? '').localeCompare(b.places[0]?.path ?? ''));
}

/** Where a place is: `path:line`, relative to the folder scanned. */
export function placeWhere(f: Pick<ScanFindingView, 'path' | 'line'>): string {
  return `${f.path}:${f.line}`;
}

/** A commit as the dialog names it: its short sha. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** The summary above the groups: how many keys, and how many of them the vault holds. */
export function findingsSummary(groups: readonly FindingGroup[]): string {
  const inVault = groups.filter((g) => g.inVault !== null).length;
  const keys = `${groups.length} ${groups.length === 1 ? 'key' : 'keys'} found`;
  return groups.length === 0 ? keys : `${keys}: ${inVault} in your vault, ${groups.length - inVault} not in the vault`;
}

/** The instances an unknown key can go to: its provider's, in its environment and organization where the key says them. */
export function fittingInstances(group: Pick<FindingGroup, 'providerId' | 'environment' | 'org'>, instances: readonly Instance[]): Instance[] {
  return instances.filter((i) => group.providerId !== null && i.provider === group.providerId && (!group.environment || i.env === group.environment) && (!group.org || i.org === group.org));
}

/** The name Add to vault proposes: the variable it was assigned to (`XORA_API_KEY` → `xora-api-key`), else `key`. */
export function proposedName(group: Pick<FindingGroup, 'places'>): string {
  const variable = group.places.find((p) => p.variable !== null)?.variable ?? null;
  return (variable ?? 'key').toLowerCase().replace(/_/g, '-').replace(/[^a-z0-9.-]/g, '') || 'key';
}

/**
 * The place Add to vault reads the key from: a `.env` assignment of the tree (it becomes the swap
 * target), else any file of the tree, else a commit of the history.
 */
export function placeToAdd(group: Pick<FindingGroup, 'places'>): ScanFindingView | undefined {
  const inTree = group.places.filter((p) => p.commit === null);
  return inTree.find((p) => p.variable !== null) ?? inTree[0] ?? group.places[0];
}
