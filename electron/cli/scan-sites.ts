import type { ScanSite } from '../core/domain/model.js';
import { MAX_SCAN_SITES } from '../core/scan/scan-sites.js';
import { table } from './format.js';

/** A commit as people read it: its first seven characters, as git shows it. */
function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** Where a scan found a key in plain text: FILE:LINE, or the commit that added it there. */
export function scanSiteWhere(site: ScanSite): string {
  return site.commit ? `in commit ${shortSha(site.commit)}: ${site.file}:${site.line}` : `${site.file}:${site.line}`;
}

/** The places an emergency lists before it acts: the newest first, enough to start on, the rest a command away. */
const LISTED_IN_AN_EMERGENCY = 20;

/** The scan sites as revoke lists them, one a line. */
export function scanSiteList(sites: readonly ScanSite[], ref: string): string {
  const shown = sites.slice(0, LISTED_IN_AN_EMERGENCY).map((s) => `  ${scanSiteWhere(s)}\n`);
  const more = sites.length - shown.length;
  return `${shown.join('')}${more > 0 ? `  and ${more} more (keyturn key show ${ref})\n` : ''}`;
}

/** A key's scan sites as `key show` lists them. */
export function scanSiteRows(sites: readonly ScanSite[]): string {
  return table(sites.map((s) => [`  ${s.file}:${s.line}`, s.commit ? `commit ${shortSha(s.commit)}` : 'in the files', `seen ${s.seenAt.slice(0, 16).replace('T', ' ')}`]));
}

/** What to do about the places a scan found a key: a file can be cleaned, a commit only rewritten, and revoking is what makes either harmless. */
export function scanSiteAdvice(sites: readonly ScanSite[]): string {
  const inFiles = sites.some((s) => !s.commit);
  const inHistory = sites.some((s) => s.commit);
  const advice = [
    ...(inFiles ? ['remove it from those files'] : []),
    ...(inHistory ? ['a commit keeps it in the history (and in every clone) until the history is rewritten: revoking the key is what makes a committed key harmless'] : []),
  ];
  const capped = sites.length >= MAX_SCAN_SITES ? ` (only the newest ${MAX_SCAN_SITES} places are kept: scan again once these are gone)` : '';
  return `${advice.join('; ')}${capped}`;
}
