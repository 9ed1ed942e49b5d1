import { createHash } from 'node:crypto';

/** SHA-256 of the secret, hex: identifies a key (duplicates, leaked-key lookup) without storing it. */
export function fingerprintOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The key as providers show it in their dashboards: the prefix, a few characters, an ellipsis. */
export function maskSecret(secret: string, visiblePrefix: string, extraChars = 6): string {
  const shown = secret.startsWith(visiblePrefix) ? visiblePrefix.length + extraChars : extraChars;
  // Never show more than half of the key, however short it is.
  const cap = Math.max(0, Math.floor(secret.length / 2));
  return `${secret.slice(0, Math.min(shown, cap))}…`;
}
