import type { ReferenceSite } from '../core/domain/model.js';
import { table } from './format.js';

/** Where a reference is written: FILE:LINE and the variable it fills. */
export function siteWhere(site: Pick<ReferenceSite, 'file' | 'line' | 'variable'>): string {
  return `${site.file}:${site.line}${site.variable ? ` ${site.variable}` : ''}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A rotation's references by name: they need no file change, only the processes that read them
 * (`keyturn run`) started again. Empty when there are none.
 */
export function followingReferences(sites: readonly ReferenceSite[]): string {
  const byName = sites.filter((s) => s.by === 'name');
  if (byName.length === 0) return '';
  return `${plural(byName.length, 'reference follows', 'references follow')} automatically; restart the processes that use ${byName.length === 1 ? 'it' : 'them'}:\n${byName.map((s) => `  ${siteWhere(s)}\n`).join('')}`;
}

/** A key's sites as `key show` lists them. */
export function siteRows(sites: readonly ReferenceSite[]): string {
  return table(sites.map((s) => [`  ${s.file}:${s.line}`, s.variable ?? '-', s.by === 'name' ? 'by name' : 'by id', `seen ${s.seenAt.slice(0, 16).replace('T', ' ')}`]));
}
