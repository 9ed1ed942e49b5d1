import { nexoraKeyApi } from './key-api.js';
import { problem } from '../../domain/problems/problem-error.js';
import { commonKeyProblem, isRecord, joinUrl, type ApiProfile } from '../profile.js';
import { jsonArrayProblem } from '../verify-answer.js';

const PREFIX = 'nxr_';

/** Nexora (self-hosted): `nxr_` keys, Bearer, a full key API (list, create, rotate in place, revoke). */
export const nexoraProfile: ApiProfile = {
  id: 'nexora',
  displayName: 'Nexora',
  keyFormat: `${PREFIX} followed by the key`,
  visiblePrefix: () => PREFIX,
  shownAfterPrefix: 6,
  // The docs give no length; real keys are tens of characters, never hundreds.
  maxKeyLength: 256,
  keyPattern: 'nxr_[A-Za-z0-9_-]{8,252}',
  checkKey(secret) {
    const common = commonKeyProblem(secret);
    if (common) return common;
    if (!secret.startsWith(PREFIX)) return problem('key.wrong-prefix', { field: 'secret', provider: 'Nexora', form: PREFIX });
    // The docs give no length; a few characters after the prefix is the least a real key has.
    if (secret.length < PREFIX.length + 8) return problem('key.too-short', { field: 'secret', provider: 'Nexora', actual: secret.length });
    if (!/^nxr_[A-Za-z0-9_-]+$/.test(secret)) return problem('key.bad-characters', { field: 'secret', provider: 'Nexora', part: 'key', after: PREFIX });
    return null;
  },
  orgOf: () => null,
  orgMeaning: null,
  environmentOf: () => null,
  // Self-hosted: there is no public base URL.
  defaultBaseUrl: () => null,
  baseUrlForm: 'https://your-nexora-host/api',
  requires: { projectId: false },
  verifyPathSetting: false,
  authHeaders: (secret) => ({ authorization: `Bearer ${secret}` }),
  verifyUrl: (instance) => joinUrl(instance.baseUrl, 'users/me/api-keys'),
  // The list of the user's keys, as the key API reads it.
  verifyAnswerProblem: jsonArrayProblem,
  reasonFromRejection(body) {
    const detail = isRecord(body) && typeof body.detail === 'string' ? body.detail : null;
    return { reason: detail ?? 'Nexora refused the key (401)', revoked: false };
  },
  capabilities: { create: 'api', rotateInPlace: true, revoke: 'api', list: 'api' },
  keyApi: nexoraKeyApi,
  dashboard: (instance) => {
    const url = instance.dashboardUrl ?? new URL(instance.baseUrl).origin;
    return {
      create: { url, steps: ['Open Settings → API Keys in your Nexora workspace', 'Create a key and copy it — it is shown once'] },
      revoke: { url, steps: ['Open Settings → API Keys in your Nexora workspace', 'Revoke the key'] },
    };
  },
};
