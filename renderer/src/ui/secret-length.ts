import { MAX_SECRET_LENGTH } from '../../../electron/contract/limits.js';

/**
 * A paste longer than any key (a log line, a whole file) is refused here, in words, before it is
 * sent: the host would refuse it too, but with a schema's message, not a sentence for a person.
 */
export function secretLengthProblem(secret: string): string | null {
  if (secret.length <= MAX_SECRET_LENGTH) return null;
  return `this is ${secret.length.toLocaleString('en')} characters long, and no key is longer than ${MAX_SECRET_LENGTH.toLocaleString('en')}: copy only the key`;
}
