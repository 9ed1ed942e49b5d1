import type { KeyRecord, ScanSite, VaultDocument } from '../domain/model.js';
import type { Finding, LeakScan } from './finding.js';

/**
 * The most scan sites a key keeps, newest first. A key pasted into 10,000 files (a vendored
 * fixture, a generated bundle) would otherwise make vault.json grow with every scan; 200 places are
 * already more than anyone clears by hand, and a rescan after cleaning up shows the next ones.
 */
export const MAX_SCAN_SITES = 200;

/**
 * The document with the places a scan found vault keys in plain text recorded on those keys
 * (`scanSites`): the sites in what the scan read are replaced by what it found there now. The same
 * document (===) when nothing changed. Metadata only.
 *
 * - tree: every site without a commit whose file the scan read is replaced by what was found in it
 *   now (a key removed from a file loses that site); files not read keep theirs.
 * - history: sites are added; a key's sites under the scan's root in a commit this scan found that
 *   key in are replaced by this scan's. A commit never changes, so what a commit added is the same
 *   whenever it is read: a scan that read only part of the history (`--since`) must not drop what
 *   an earlier, longer one found, and a commit no longer reachable (history rewritten) may still be
 *   on a remote or in a clone: its site stays until the key is removed.
 * - staged, pushed: nothing is recorded (they are what a hook checks before anything is written;
 *   their findings are not yet, or are already, in history a history scan records).
 *
 * The scan is the one as found, before a baseline is applied: a baselined finding is accepted, not
 * gone, and is still a place the key is in plain text.
 *
 * A site found again takes this scan's time (`seenAt`: when a scan last saw it there), as reference
 * sites do; so a scan that finds a vault key writes, and one that finds none (and had none to drop)
 * does not. A key found is looked up by its match and, failing that, by fingerprint (a key imported
 * by the same scan). Sites stay with the key they are, whatever rotations follow: a leaked old key's
 * places are its own, unlike a reference by name, which follows the name.
 */
export function recordScanSites(doc: VaultDocument, scan: LeakScan, at: Date): { doc: VaultDocument } {
  if (scan.kind !== 'tree' && scan.kind !== 'history') return { doc };
  const seenAt = at.toISOString();
  const found = foundSites(doc, scan, seenAt);
  const speaksFor = replacedBy(scan);
  let changed = false;
  const keys = doc.keys.map((k) => {
    const before = k.scanSites ?? [];
    const fresh = found.get(k.id) ?? [];
    const freshKeys = new Set(fresh.map(siteKey));
    // What this scan found comes first (it is the newest); earlier sites it did not replace follow, as they were ordered.
    const kept = before.filter((s) => !speaksFor(s, fresh) && !freshKeys.has(siteKey(s)));
    const sites = [...fresh, ...kept].slice(0, MAX_SCAN_SITES);
    if (sameSites(sites, before)) return k;
    changed = true;
    return withScanSites(k, sites);
  });
  return { doc: changed ? { ...doc, keys } : doc };
}

/** Per key id, the sites this scan found it at, deduplicated, in file, line and commit order. */
function foundSites(doc: VaultDocument, scan: LeakScan, seenAt: string): Map<string, ScanSite[]> {
  const ids = new Set(doc.keys.map((k) => k.id));
  const byFingerprint = new Map(doc.keys.map((k) => [k.fingerprint, k.id]));
  const sites = new Map<string, Map<string, ScanSite>>();
  for (const f of [...scan.findings].sort(findingOrder)) {
    const keyId = f.match && ids.has(f.match.keyId) ? f.match.keyId : byFingerprint.get(f.fingerprint);
    if (keyId === undefined) continue;
    const site = siteOf(scan, f, seenAt);
    if (!site) continue;
    const ofKey = sites.get(keyId) ?? new Map<string, ScanSite>();
    if (!ofKey.has(siteKey(site))) ofKey.set(siteKey(site), site);
    sites.set(keyId, ofKey);
  }
  return new Map([...sites].map(([id, ofKey]) => [id, [...ofKey.values()]]));
}

function siteOf(scan: LeakScan, f: Finding, seenAt: string): ScanSite | null {
  if (scan.kind === 'tree') return { file: f.file, line: f.line, seenAt };
  // A history finding without its commit says nothing a tree scan would not: no site.
  return f.commit ? { file: f.file, line: f.line, commit: f.commit.sha, seenAt } : null;
}

/** Whether a key's recorded site is one this scan speaks for (see recordScanSites), given what it found of that key. */
function replacedBy(scan: LeakScan): (site: ScanSite, found: readonly ScanSite[]) => boolean {
  if (scan.kind === 'tree') {
    const read = new Set(scan.scannedFiles);
    return (s) => s.commit === undefined && read.has(s.file);
  }
  return (s, found) => s.commit !== undefined && found.some((f) => f.commit === s.commit) && isUnder(s.file, scan.root);
}

/** Whether a full path is inside a folder, for either separator (pure core has no node:path). */
function isUnder(file: string, root: string): boolean {
  const folder = root.endsWith('/') || root.endsWith('\\') ? root : null;
  if (folder) return file.startsWith(folder);
  return file.startsWith(root) && (file[root.length] === '/' || file[root.length] === '\\');
}

/** One place: a file's line, in the working tree or in one commit. */
function siteKey(s: ScanSite): string {
  return JSON.stringify([s.file, s.line, s.commit ?? null]);
}

function findingOrder(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || a.line - b.line || compareText(a.commit?.sha ?? '', b.commit?.sha ?? '');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameSites(a: readonly ScanSite[], b: readonly ScanSite[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => {
      const other = b[i];
      return other !== undefined && siteKey(s) === siteKey(other) && s.seenAt === other.seenAt;
    })
  );
}

/** The record with exactly these sites: the field left out when there are none, so records without any stay as they were. */
function withScanSites(record: KeyRecord, sites: readonly ScanSite[]): KeyRecord {
  const { scanSites: _old, ...rest } = record;
  return sites.length > 0 ? { ...rest, scanSites: [...sites] } : rest;
}
