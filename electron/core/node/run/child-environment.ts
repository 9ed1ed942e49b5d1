import type { RunWithSecrets } from './run-request.js';

/** The child's environment: keyturn's own, then the plain values, then the secrets (each wins over what comes before). */
export function childEnvironment(run: Pick<RunWithSecrets, 'plain' | 'env'>): NodeJS.ProcessEnv {
  return { ...process.env, ...run.plain, ...run.env };
}
