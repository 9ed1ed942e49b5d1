import type { ReferenceSite } from '../../../../electron/contract/views.js';

/**
 * How the app words a key's reference sites (places that name it by `keyturn://` reference, found
 * by a scan). Pure: the detail, the rotation wizard, the emergency panel and their tests share it.
 */

/** Where it is: `file:line`. */
export function siteWhere(site: Pick<ReferenceSite, 'file' | 'line'>): string {
  return `${site.file}:${site.line}`;
}

/** What kind of reference it is, and what a rotation does to it. */
export function siteFollows(site: Pick<ReferenceSite, 'by'>): string {
  return site.by === 'name' ? 'by name — follows rotations' : 'by id — names this key only';
}

/** In a short list: `file:line (VARIABLE)`. */
export function siteShort(site: Pick<ReferenceSite, 'file' | 'line' | 'variable'>): string {
  return site.variable ? `${siteWhere(site)} (${site.variable})` : siteWhere(site);
}

/** By file, then line: the order a person reads them in, whatever order the scans recorded them. */
export function sortedSites<S extends Pick<ReferenceSite, 'file' | 'line'>>(sites: readonly S[]): S[] {
  return [...sites].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

/** The sites that follow the name (to a rotation's new key) and those that name one key by its id. */
export function sitesByKind<S extends Pick<ReferenceSite, 'by' | 'file' | 'line'>>(sites: readonly S[]): { byName: S[]; byId: S[] } {
  const sorted = sortedSites(sites);
  return { byName: sorted.filter((s) => s.by === 'name'), byId: sorted.filter((s) => s.by === 'id') };
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** A rotation's word on the references by name: nothing to write, but what reads them must restart. */
export function followingText(count: number): string {
  return `${count} ${plural(count, 'reference follows', 'references follow')} automatically; restart the processes that use ${plural(count, 'it', 'them')}.`;
}

/** A rotation's word on the references by id: they keep naming the old key, which is revoked at the end. */
export function byIdRotationText(count: number): string {
  return `${count} ${plural(count, 'reference names', 'references name')} the old key by its id and will stop working once it is revoked.`;
}

/** What to do about them, said before the reference by name the wizard shows. */
export function byNameInsteadText(count: number): string {
  return `To follow rotations, change ${plural(count, 'it', 'them')} to`;
}

/** The emergency panel, beside the swap targets: every place that reads the leaked key by reference. */
export function usedByReferenceText(sites: readonly Pick<ReferenceSite, 'file' | 'line' | 'variable'>[]): string {
  return `Used by reference in: ${sortedSites(sites).map(siteShort).join('; ')}`;
}

/** After an emergency revoke: the processes that read it by reference now fail, and what to do about them. */
export function afterRevokeText(sites: readonly Pick<ReferenceSite, 'file' | 'line' | 'variable' | 'by'>[]): string {
  const { byName, byId } = sitesByKind(sites);
  const parts: string[] = [];
  if (byName.length > 0)
    parts.push(
      `Restart what reads it by name once a new key holds its name (the references need no change): ${byName.map(siteShort).join('; ')}.`,
    );
  if (byId.length > 0) parts.push(`Point the references to it by id at the new key, then restart what reads them: ${byId.map(siteShort).join('; ')}.`);
  return parts.join(' ');
}
