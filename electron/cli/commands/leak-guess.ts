import type { VaultDocument } from '../../core/domain/model.js';
import { guessRevocation } from '../../core/emergency/guess.js';

/** For a leaked key Keyturn does not hold: whose it looks like, and how to revoke it there. */
export function guessProvider(secret: string, doc: VaultDocument): string | null {
  const guess = guessRevocation(secret, doc);
  if (!guess) return null;
  return [
    `this key is not in the vault, but it looks like a ${guess.provider} key${guess.environment ? ` (${guess.environment})` : ''}${guess.org ? ` of ${guess.org}` : ''}.`,
    `revoke it in the dashboard: ${guess.guide.url}`,
    ...guess.guide.steps.map((s, i) => `  ${i + 1}. ${s}`),
    '',
  ].join('\n');
}
