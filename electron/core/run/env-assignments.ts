import { UserInputError } from '../domain/errors.js';

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `VAR=REF` pairs from `--env`: which stored key goes into which environment variable. */
export function parseEnvAssignments(list: readonly string[]): { variable: string; ref: string }[] {
  const seen = new Set<string>();
  return list.map((item) => {
    const eq = item.indexOf('=');
    const variable = eq > 0 ? item.slice(0, eq) : '';
    const ref = eq > 0 ? item.slice(eq + 1) : '';
    if (!VARIABLE.test(variable) || ref.length === 0) {
      throw new UserInputError(`--env "${item}" must be VAR=REF, e.g. --env NORA_API_KEY=nora/acme/live/backend`);
    }
    if (seen.has(variable)) throw new UserInputError(`--env names ${variable} twice`);
    seen.add(variable);
    return { variable, ref };
  });
}
