import { problem } from '../../domain/problems/problem-error.js';
import { commonKeyProblem, isRecord, joinUrl, type GuidedProfile } from '../profile.js';
import { jsonDocumentProblem } from '../verify-answer.js';

const PREFIX = 'nte_';
const LENGTH = 52;

/** Xora: `nte_` keys of 52 characters; Bearer or X-API-KEY; created and revoked in the dashboard. */
export const xoraProfile: GuidedProfile = {
  id: 'xora',
  displayName: 'Xora',
  keyFormat: `${PREFIX} followed by ${LENGTH - PREFIX.length} characters (${LENGTH} in all)`,
  visiblePrefix: () => PREFIX,
  shownAfterPrefix: 6,
  // The docs give the length exactly.
  maxKeyLength: LENGTH,
  keyPattern: `${PREFIX}[A-Za-z0-9_-]{${LENGTH - PREFIX.length}}`,
  checkKey(secret) {
    const common = commonKeyProblem(secret);
    if (common) return common;
    if (!secret.startsWith(PREFIX)) return problem('key.wrong-prefix', { field: 'secret', provider: 'Xora', form: PREFIX });
    if (secret.length !== LENGTH) return problem('key.wrong-length', { field: 'secret', provider: 'Xora', prefix: PREFIX, expected: LENGTH, actual: secret.length });
    if (!/^nte_[A-Za-z0-9_-]+$/.test(secret)) return problem('key.bad-characters', { field: 'secret', provider: 'Xora', part: 'key', after: PREFIX });
    return null;
  },
  orgOf: () => null,
  orgMeaning: null,
  environmentOf: () => null,
  defaultBaseUrl: () => 'https://api.xora.sh/v1',
  baseUrlForm: 'https://api.xora.sh/v1',
  requires: { projectId: false },
  verifyPathSetting: false,
  authHeaders: (secret) => ({ authorization: `Bearer ${secret}` }),
  verifyUrl: (instance) => joinUrl(instance.baseUrl, 'jobs'),
  // The docs show no body for GET /v1/jobs, only the error shape: any JSON document that is not an error.
  verifyAnswerProblem: (body) => (isRecord(body) && isRecord(body.error) ? 'the jobs list, not an error' : jsonDocumentProblem(body)),
  reasonFromRejection(body) {
    const error = isRecord(body) && isRecord(body.error) ? body.error : null;
    const message = error && typeof error.message === 'string' ? error.message : null;
    // Xora's 401 does not distinguish a revoked key from a wrong one.
    return { reason: message ?? 'Xora refused the key (401)', revoked: false };
  },
  capabilities: { create: 'guided', rotateInPlace: false, revoke: 'guided', list: 'guided' },
  dashboard: (instance) => {
    const url = instance.dashboardUrl ?? 'https://xora.sh/app';
    return {
      create: {
        url,
        steps: [
          'Sign in at xora.sh/app',
          'Go to Dashboard → Tokens',
          'Click Create Token and give it a name',
          'Copy the full key immediately — it won’t be shown again',
        ],
      },
      revoke: {
        url,
        steps: ['Go to Dashboard → Tokens', 'Click the delete button next to the key'],
      },
    };
  },
};
