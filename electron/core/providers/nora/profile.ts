import type { Environment, Instance } from '../../domain/model.js';
import { instanceRef } from '../../vault/refs.js';
import { problem } from '../../domain/problems/problem-error.js';
import { commonKeyProblem, isRecord, joinUrl, type GuidedProfile } from '../profile.js';
import { jsonDocumentProblem } from '../verify-answer.js';

const PREFIX: Record<Environment, string> = { sandbox: 'sk_test_', production: 'sk_live_' };
const BASE_URL: Record<Environment, string> = {
  sandbox: 'https://staging.api.nora.finance',
  production: 'https://api.nora.finance',
};

/**
 * Nora's docs name no endpoint to verify with (every /v2 endpoint authenticates), so the path is
 * per-instance configuration; this default is a cheap read.
 */
export const NORA_DEFAULT_VERIFY_PATH = '/v2/instance';

function environmentOf(secret: string): Environment | null {
  if (secret.startsWith(PREFIX.sandbox)) return 'sandbox';
  if (secret.startsWith(PREFIX.production)) return 'production';
  return null;
}

/**
 * A 404 to the verify call: this Nora does not serve the path. Keyturn's default is a guess (the
 * documents name no endpoint), so say so, and how to set one this Nora serves.
 */
function verifyPathHint(instance: Instance): string {
  const set = `set a cheap authenticated GET this Nora does serve with "keyturn instance set ${instanceRef(instance)} --verify-path /v2/…"`;
  if (instance.verifyPath === undefined) {
    return `this Nora does not serve GET ${NORA_DEFAULT_VERIFY_PATH}, Keyturn's default verify path (Nora's documents name no endpoint to verify with); ${set} (or check the base URL)`;
  }
  return `this Nora does not serve the verify path GET ${instance.verifyPath}; ${set} (or check the base URL)`;
}

/** Nora: X-API-Key only; `sk_test_` keys belong to sandbox and `sk_live_` to production, never both. */
export const noraProfile: GuidedProfile = {
  id: 'nora',
  displayName: 'Nora',
  keyFormat: 'sk_test_… for sandbox, sk_live_… for production',
  // The docs give no length; real keys are tens of characters, never hundreds.
  maxKeyLength: 256,
  visiblePrefix: (secret) => {
    const env = environmentOf(secret);
    return env ? PREFIX[env] : '';
  },
  shownAfterPrefix: 6,
  keyPattern: 'sk_(?:test|live)_[A-Za-z0-9_-]{8,248}',
  checkKey(secret, context) {
    const common = commonKeyProblem(secret);
    if (common) return common;
    const keyEnv = environmentOf(secret);
    if (!keyEnv) return problem('key.wrong-prefix', { field: 'secret', provider: 'Nora', form: `${PREFIX.sandbox} (sandbox) or ${PREFIX.production} (production)` });
    if (keyEnv !== context.env) {
      return problem('key.wrong-environment', { field: 'secret', provider: 'Nora', keyEnv, keyPrefix: PREFIX[keyEnv], instanceEnv: context.env, instancePrefix: PREFIX[context.env] });
    }
    if (secret.length < PREFIX[keyEnv].length + 8) return problem('key.too-short', { field: 'secret', provider: 'Nora', actual: secret.length });
    // The docs show no alphabet: the characters of any URL-safe token pass.
    if (!/^sk_(test|live)_[A-Za-z0-9_-]+$/.test(secret)) return problem('key.bad-characters', { field: 'secret', provider: 'Nora', part: 'key' });
    return null;
  },
  orgOf: () => null,
  orgMeaning: null,
  environmentOf,
  defaultBaseUrl: (env) => BASE_URL[env],
  baseUrlForm: 'https://api.nora.finance',
  requires: { projectId: false },
  // The documents name no endpoint to verify with: the path is the instance's to set.
  verifyPathSetting: true,
  authHeaders: (secret) => ({ 'x-api-key': secret }),
  verifyUrl: (instance) => joinUrl(instance.baseUrl, instance.verifyPath ?? NORA_DEFAULT_VERIFY_PATH),
  // The path is configurable and the docs show no answer body: any JSON document (object or list).
  verifyAnswerProblem: jsonDocumentProblem,
  reasonFromRejection(body) {
    const code = isRecord(body) && typeof body.code === 'string' ? body.code : null;
    const message = isRecord(body) && typeof body.message === 'string' ? body.message : null;
    const revoked = code === 'api_key_revoked';
    const reason = message ?? (code ? `Nora refused the key: ${code}` : 'Nora refused the key (401)');
    return { reason: code && message ? `${code}: ${message}` : reason, revoked };
  },
  notFoundHint: verifyPathHint,
  capabilities: { create: 'guided', rotateInPlace: false, revoke: 'guided', list: 'guided' },
  // Its dashboard document: an optional expiration date, the minimum being tomorrow.
  nativeExpiry: { minDaysAhead: 1 },
  dashboard: (instance) => {
    const url = instance.dashboardUrl ?? 'https://app.nora.finance';
    return {
      create: {
        url,
        steps: [
          `Set the instance picker at the top to ${instance.env} (${instance.name})`,
          'Sidebar → API Keys → Create API key',
          'Enter a key name (e.g. a dated one) and, optionally, an expiration date',
          'Click Create key, then copy the secret — Nora will not show it again',
        ],
      },
      revoke: {
        url,
        steps: [
          `Set the instance picker at the top to ${instance.env} (${instance.name})`,
          'Sidebar → API Keys, find the key’s row and click the trash icon',
          'Review the key name and click Revoke key — this is permanent',
        ],
      },
    };
  },
};
