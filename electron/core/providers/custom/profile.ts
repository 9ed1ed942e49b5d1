import type { CustomProvider } from '../../domain/model.js';
import { instanceRef } from '../../vault/refs.js';
import { problem } from '../../domain/problems/problem-error.js';
import { commonKeyProblem, isRecord, joinUrl, MAX_KEY_LENGTH, type GuidedProfile } from '../profile.js';
import { jsonDocumentProblem } from '../verify-answer.js';
import { escapeRegExp } from '../../text/escape-reg-exp.js';

export const CUSTOM_PREFIX = 'custom:' as const;

/** A provider the user describes: key prefix or pattern, auth header and scheme, base URLs, verify path. */
export function customProfile(definition: CustomProvider): GuidedProfile {
  const pattern = definition.keyPattern ? new RegExp(definition.keyPattern) : null;
  const prefix = definition.keyPrefix ?? '';
  return {
    id: `${CUSTOM_PREFIX}${definition.name}`,
    displayName: definition.name,
    keyFormat: pattern ? `matching ${definition.keyPattern}` : prefix ? `${prefix}…` : 'any key',
    visiblePrefix: () => prefix,
    shownAfterPrefix: 6,
    maxKeyLength: MAX_KEY_LENGTH,
    keyPattern: customKeyPattern(definition),
    checkKey(secret) {
      const common = commonKeyProblem(secret);
      if (common) return common;
      if (prefix && !secret.startsWith(prefix)) return problem('key.wrong-prefix', { field: 'secret', provider: definition.name, form: prefix });
      if (pattern && !pattern.test(secret)) return problem('key.pattern-mismatch', { field: 'secret', provider: definition.name, pattern: definition.keyPattern ?? '' });
      return null;
    },
    orgOf: () => null,
    orgMeaning: null,
    environmentOf: () => null,
    defaultBaseUrl: (env) => definition.baseUrls[env] ?? null,
    baseUrlForm: definition.baseUrls.production ?? definition.baseUrls.sandbox ?? 'https://api.example.com',
    requires: { projectId: false },
    // Keyturn knows nothing of its API but what the user said: the path is theirs to set.
    verifyPathSetting: true,
    authHeaders: (secret) => ({
      [definition.headerName.toLowerCase()]: definition.headerScheme ? `${definition.headerScheme} ${secret}` : secret,
    }),
    verifyUrl: (instance) => joinUrl(instance.baseUrl, instance.verifyPath ?? definition.verifyPath),
    // Keyturn knows nothing of its answers but that an API answers with a JSON document.
    verifyAnswerProblem: jsonDocumentProblem,
    reasonFromRejection(body) {
      const candidates = isRecord(body) ? [body.message, body.detail, body.error] : [];
      const reason = candidates.find((c): c is string => typeof c === 'string');
      return { reason: reason ?? `${definition.name} refused the key (401)`, revoked: false };
    },
    notFoundHint: (instance) =>
      `the verify path GET ${instance.verifyPath ?? definition.verifyPath} is not served there; set one that is with "keyturn instance set ${instanceRef(instance)} --verify-path /…" (or check the base URL)`,
    capabilities: { create: 'guided', rotateInPlace: false, revoke: 'guided', list: 'guided' },
    dashboard: (instance) => {
      const url = instance.dashboardUrl ?? definition.dashboardUrl ?? new URL(instance.baseUrl).origin;
      return {
        create: { url, steps: [`Create a new key in the ${definition.name} dashboard and copy it`] },
        revoke: { url, steps: [`Revoke the key in the ${definition.name} dashboard`] },
      };
    },
  };
}

/**
 * The scanner's rule for a provider the user describes: its own pattern (anchors dropped: a key is
 * looked for inside a line), else its prefix and the characters of a token. None where it said
 * neither: such a provider's keys are found only by the vault's own fingerprints.
 */
export function customKeyPattern(definition: CustomProvider): string {
  if (definition.keyPattern) return definition.keyPattern.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
  if (definition.keyPrefix) return `${escapeRegExp(definition.keyPrefix)}[A-Za-z0-9_.~+/=-]{8,${MAX_KEY_LENGTH}}`;
  return '';
}
