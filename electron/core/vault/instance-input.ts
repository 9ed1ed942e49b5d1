import type { ProviderProfile } from '../providers/profile.js';
import { fail } from '../domain/problems/problem-error.js';
import type { Environment } from '../domain/model.js';
import { typedBack } from '../domain/problems/params.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The base URL an instance talks to. Keys travel in headers, so plain http is allowed only on
 * this machine (emulators, tunnels); anything remote must be https.
 */
export function checkBaseUrl(given: string | undefined, profile: ProviderProfile, env: Environment): string {
  const value = given ?? profile.defaultBaseUrl(env);
  if (!value) {
    fail('base-url.required', { field: 'baseUrl', provider: profile.displayName, form: profile.baseUrlForm });
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail('base-url.not-a-url', { field: 'baseUrl', value: typedBack(value), form: profile.baseUrlForm });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    fail('base-url.not-https', { field: 'baseUrl', provider: profile.displayName });
  }
  if (url.search || url.hash || url.username || url.password) {
    fail('base-url.has-extras', { field: 'baseUrl' });
  }
  return url.toString().replace(/\/+$/, '');
}

export function checkVerifyPath(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  if (!/^\/[A-Za-z0-9._~\-/]*$/.test(path)) {
    fail('verify-path.invalid', { field: 'verifyPath', value: typedBack(path) });
  }
  return path;
}

export function checkProjectId(projectId: string | undefined, profile: ProviderProfile): string | undefined {
  if (profile.requires.projectId && !projectId) {
    fail('project-id.required', { field: 'projectId', provider: profile.displayName, example: 'proj_ABC123' });
  }
  if (projectId !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(projectId)) {
    fail('project-id.invalid', { field: 'projectId', value: typedBack(projectId) });
  }
  return projectId;
}
