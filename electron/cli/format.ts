import type { KeyView } from '../core/vault/views.js';

/** Plain aligned columns: terminals and `grep` both read them. */
export function table(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const widths = (rows[0] ?? []).map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  return `${rows.map((r) => r.map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd(widths[col] ?? 0))).join('  ')).join('\n')}\n`;
}

export function ageInDays(createdAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(createdAt)) / 86_400_000));
}

export function keyRows(keys: readonly KeyView[], now: Date): string[][] {
  return [
    ['REF', 'KEY', 'STATUS', 'ENV', 'AGE', 'EXPIRES', 'VERIFIED'],
    ...keys.map((k) => [
      k.ref,
      k.maskedKey,
      k.status,
      k.env.toUpperCase(),
      `${ageInDays(k.createdAt, now)}d`,
      k.expiresOn ?? '-',
      k.lastVerification ? `${k.lastVerification.result} ${k.lastVerification.at.slice(0, 10)}` : 'never',
    ]),
  ];
}
