import type { ReferenceSite } from '../core/domain/model.js';
import { table } from './format.js';

/** Where a reference is written: FILE:LINE and the variable it fills. */
export function siteWhere(site: Pick<ReferenceSite, 'file' | 'line' | 'variable'>): string {
  return `${site.file}:${site.line}${site.variable ? ` ${site.variable}` : ''}`;
}

/** A key's sites as `key show` lists them. */
export function siteRows(sites: readonly ReferenceSite[]): string {
  return table(sites.map((s) => [`  ${s.file}:${s.line}`, s.variable ?? '-', s.by === 'name' ? 'by name' : 'by id', `seen ${s.seenAt.slice(0, 16).replace('T', ' ')}`]));
}
