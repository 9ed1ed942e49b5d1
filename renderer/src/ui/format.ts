export function ageInDays(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
}

export function shortDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : 'something went wrong; try again';
}
