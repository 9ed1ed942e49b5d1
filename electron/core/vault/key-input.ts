/** A pasted secret, trimmed of what a copy adds around it; the caller warns when anything was trimmed. */
export function normalizePastedSecret(raw: string): { secret: string; trimmed: boolean } {
  const secret = raw.trim();
  return { secret, trimmed: secret !== raw };
}
