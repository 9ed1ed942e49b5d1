/** A literal text as a regular expression source that matches exactly it (a prefix, a vault key's head). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
