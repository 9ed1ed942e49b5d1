import type { ScanSite } from '../../../../electron/contract/views.js';
import { shortSha } from './scan-groups.js';

/**
 * How the app words a key's scan sites (places a scan found it in plain text): "in FILE:LINE" for
 * a file, "in commit abc1234 of FILE" for the history. Pure: the emergency panel and the detail share it.
 */
export function scanSiteWhere(site: Pick<ScanSite, 'file' | 'line' | 'commit'>): string {
  return site.commit ? `in commit ${shortSha(site.commit)} of ${site.file}` : `in ${site.file}:${site.line}`;
}

/** The files first (by file, then line), then the commits: the order a person cleans them up in. */
export function sortedScanSites<S extends Pick<ScanSite, 'file' | 'line' | 'commit'>>(sites: readonly S[]): S[] {
  return [...sites].sort((a, b) => Number(a.commit !== undefined) - Number(b.commit !== undefined) || (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

/** The emergency panel, beside the swap targets: every place a scan found the leaked key in plain text. */
export function foundByScanText(site: Pick<ScanSite, 'file' | 'line' | 'commit'>): string {
  return `Found by a scan ${scanSiteWhere(site)}`;
}
