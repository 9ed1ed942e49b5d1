import type { Problem } from './catalogue.js';
import { PROBLEM_KINDS } from './problem-kinds.js';

type Plain = string | number | boolean;
const isPlain = (value: unknown): value is Plain => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * A problem that crossed a boundary or was stored (a failed call's reply, a journal's step), read back: a code of the catalogue whose parameters are
 * plain values (text, numbers, booleans, lists of them), or null. Deliberately not the catalogue's
 * zod schema: that would put zod and every area's schema into the window's bundle (a third more
 * bytes) to re-check what core built through typed functions; what a host needs to word it — a
 * code it knows, parameters it can print without running them — is checked here.
 */
export function asProblem(value: unknown): Problem | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const fields = Object.entries(value);
  const code = (value as { code?: unknown }).code;
  if (typeof code !== 'string' || !Object.hasOwn(PROBLEM_KINDS, code)) return null;
  const plain = fields.every(([, v]) => isPlain(v) || (Array.isArray(v) && v.every(isPlain)));
  return plain ? (value as Problem) : null;
}
