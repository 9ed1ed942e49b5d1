import { fail } from '../domain/problems/problem-error.js';
import { typedBack } from '../domain/problems/typed-back.js';
import { isReference, referenceById, referenceFor } from '../references/reference.js';

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `VAR=REF` pairs from `--env`: which stored key goes into which environment variable. */
export function parseEnvAssignments(list: readonly string[]): { variable: string; ref: string }[] {
  const seen = new Set<string>();
  return list.map((item) => {
    const eq = item.indexOf('=');
    const variable = eq > 0 ? item.slice(0, eq) : '';
    const ref = eq > 0 ? item.slice(eq + 1) : '';
    if (!VARIABLE.test(variable) || ref.length === 0) fail('run.env-malformed', { field: 'variable', value: typedBack(item) });
    if (seen.has(variable)) fail('run.env-twice', { field: 'variable', variable });
    seen.add(variable);
    return { variable, ref };
  });
}

/**
 * The reference an `--env` assignment names: a `keyturn://` reference as it is, and today's bare
 * forms as before (PROVIDER/ORG/INSTANCE/NAME by name, a key id alone by id).
 */
export function assignmentReference(ref: string): string {
  if (isReference(ref)) return ref;
  return ref.includes('/') ? referenceFor(ref) : referenceById(ref);
}
