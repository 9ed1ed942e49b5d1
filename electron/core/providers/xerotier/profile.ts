import { problem } from '../../domain/problems/problem-error.js';
import { commonKeyProblem, isRecord, joinUrl, type GuidedProfile } from '../profile.js';
import { openAiListProblem } from '../verify-answer.js';

/** Xerotier: `xero_<project_slug>_<token>`, Bearer, calls under `/<project_id>/...`. */
export const xerotierProfile: GuidedProfile = {
  id: 'xerotier',
  displayName: 'Xerotier',
  keyFormat: 'xero_<project_slug>_<token>',
  // A 256-bit token after the slug: well under this even with a long slug.
  maxKeyLength: 256,
  visiblePrefix(secret) {
    const slugEnd = secret.indexOf('_', 'xero_'.length);
    return slugEnd > 0 ? secret.slice(0, slugEnd + 1) : 'xero_';
  },
  // The visible prefix carries the whole slug: the key's own part shows less.
  shownAfterPrefix: 4,
  keyPattern: 'xero_[A-Za-z0-9_-]{7,251}',
  checkKey(secret, context) {
    const common = commonKeyProblem(secret);
    if (common) return common;
    if (!secret.startsWith('xero_')) return problem('key.wrong-prefix', { field: 'secret', provider: 'Xerotier', form: 'xero_ and the project slug' });
    const ownPrefix = `xero_${context.org}_`;
    if (!secret.startsWith(ownPrefix)) return problem('key.other-project', { field: 'secret', provider: 'Xerotier', org: context.org, prefix: ownPrefix });
    const token = secret.slice(ownPrefix.length);
    if (token.length < 6) return problem('key.no-token', { field: 'secret', provider: 'Xerotier' });
    if (!/^[A-Za-z0-9_-]+$/.test(token)) return problem('key.bad-characters', { field: 'secret', provider: 'Xerotier', part: 'token' });
    return null;
  },
  // xero_<project_slug>_<token>: the slug is what the token's 6+ characters follow.
  orgOf: (secret) => /^xero_(.+?)_[A-Za-z0-9_-]{6,}$/.exec(secret)?.[1] ?? null,
  orgMeaning: 'the project slug',
  environmentOf: () => null,
  defaultBaseUrl: () => 'https://api.xerotier.ai',
  baseUrlForm: 'https://api.xerotier.ai',
  requires: { projectId: true },
  verifyPathSetting: false,
  authHeaders: (secret) => ({ authorization: `Bearer ${secret}` }),
  verifyUrl: (instance) => joinUrl(instance.baseUrl, `${encodeURIComponent(instance.projectId ?? '')}/v1/models`),
  // OpenAI-compatible: GET /v1/models answers {"object":"list","data":[…]}.
  verifyAnswerProblem: openAiListProblem,
  reasonFromRejection(body) {
    const error = isRecord(body) && isRecord(body.error) ? body.error : null;
    const message = error && typeof error.message === 'string' ? error.message : null;
    return { reason: message ?? 'Xerotier refused the key (401)', revoked: false };
  },
  // The verify path is the documents' own; what can be wrong is where it points.
  notFoundHint: (instance) => `check the base URL and the project id (${instance.projectId ?? 'none set'})`,
  // The docs do not say what a key under a wrong project id gets; it may well be this same 401.
  rejectionHint: (instance) => `a live key is refused too under a project id that is not its own: check the project id (${instance.projectId ?? 'none set'})`,
  capabilities: { create: 'guided', rotateInPlace: false, revoke: 'guided', list: 'guided' },
  dashboard: (instance) => {
    const url = instance.dashboardUrl ?? 'https://xerotier.ai';
    return {
      create: { url, steps: ['Open the project settings page', 'Generate a new API key and copy it — it is shown only once'] },
      revoke: { url, steps: ['Open the project settings page', 'Revoke the key — revoked keys cannot be re-enabled'] },
    };
  },
};
