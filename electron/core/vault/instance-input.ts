import type { ProviderProfile } from '../providers/profile.js';
import { UserInputError } from '../domain/errors.js';
import type { Environment } from '../domain/model.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The base URL an instance talks to. Keys travel in headers, so plain http is allowed only on
 * this machine (emulators, tunnels); anything remote must be https.
 */
export function checkBaseUrl(given: string | undefined, profile: ProviderProfile, env: Environment): string {
  const value = given ?? profile.defaultBaseUrl(env);
  if (!value) {
    throw new UserInputError(`${profile.displayName} has no public base URL: pass --base-url in the form ${profile.baseUrlForm}`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserInputError(`--base-url "${value}" is not a URL: write it in the form ${profile.baseUrlForm}`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new UserInputError(`--base-url must use https (plain http only for 127.0.0.1 or localhost): ${profile.displayName} keys would cross the network in clear`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new UserInputError('--base-url must not carry a query, fragment or credentials');
  }
  return url.toString().replace(/\/+$/, '');
}

export function checkVerifyPath(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  if (!/^\/[A-Za-z0-9._~\-/]*$/.test(path)) {
    throw new UserInputError(`--verify-path "${path}" must be a path starting with "/" (letters, digits, ".", "_", "~", "-", "/")`);
  }
  return path;
}

export function checkProjectId(projectId: string | undefined, profile: ProviderProfile): string | undefined {
  if (profile.requires.projectId && !projectId) {
    throw new UserInputError(`${profile.displayName} calls go to /<project_id>/...: pass --project-id (e.g. proj_ABC123)`);
  }
  if (projectId !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(projectId)) {
    throw new UserInputError(`--project-id "${projectId}" may use only letters, digits, "_" and "-"`);
  }
  return projectId;
}
