import type { DotenvAssignment } from '../targets/kinds/dotenv/text.js';

/**
 * The `.env` variable whose whole value is the key found at [start, end) of the same text, or null
 * (the key sits in a comment, or is only part of a value): only such a variable is a swap target.
 */
export function variableHolding(assignments: readonly DotenvAssignment[], key: { start: number; end: number; secret: string }): string | null {
  return assignments.find((a) => a.valueStart <= key.start && key.end <= a.valueEnd && a.value === key.secret)?.variable ?? null;
}
