import type { Environment, Instance, ProviderId } from '../domain/model.js';
import type { KeyShapeProblem } from '../domain/problems/key-shape.js';
import { problem } from '../domain/problems/problem-error.js';
import type { HttpClient } from '../http/types.js';
import type { KeyManagementApi } from './key-api.js';

export type Capability = 'api' | 'guided';

/** What a provider's 401 body says about why the key was refused. */
export interface RejectionReason {
  reason: string;
  /** True only when the provider says the key was revoked (Nora's `api_key_revoked`). */
  revoked: boolean;
}

/** The context a key is checked in: the instance it is being added to. */
export interface KeyContext {
  org: string;
  env: Environment;
}

export interface GuidedStep {
  url: string;
  /** What to click there, in the provider's own words. */
  steps: string[];
}

/** Makes a provider's key-management API for one instance. */
export type KeyApiFactory = (instance: Instance, http: HttpClient) => KeyManagementApi;

/**
 * What a provider's profile declares whatever its capabilities: everything Keyturn needs to know
 * about its keys and API. Built from the provider's own documents (../shared/providers/).
 */
interface ProfileBase {
  id: ProviderId;
  displayName: string;
  /** Human description of the key format, for error messages and the UI. */
  keyFormat: string;
  /** The fixed prefix a masked key keeps visible (e.g. `sk_live_`). */
  visiblePrefix(secret: string): string;
  /**
   * How many characters a masked key shows after its visible prefix: fewer where the prefix is
   * long and the key's own part short (a Xerotier slug), so a masked key never gives away much.
   */
  shownAfterPrefix: number;
  /**
   * What a key of this provider looks like in running text (a regular expression's source, no
   * anchors, no flags): the scanner's rule. A match is a candidate only: checkKey decides.
   */
  keyPattern: string;
  /** Null when the secret fits this provider and context; otherwise what is wrong (never the secret). */
  checkKey(secret: string, context: KeyContext): KeyShapeProblem | null;
  /** The organization a key names, where its format carries one (Xerotier's project slug), else null. */
  orgOf(secret: string): string | null;
  /** What an organization is at this provider, where it is more than a name (Xerotier: the project slug its keys carry). */
  orgMeaning: string | null;
  /**
   * The longest key this provider issues, checked with every new key, so a pasted page or a 20 KB
   * header is refused as "not a key" instead of being stored and sent to the provider.
   */
  maxKeyLength: number;
  /** The environment a key belongs to when its format says so (Nora), else null. */
  environmentOf(secret: string): Environment | null;
  /** Base URL when the user gives none; null when the provider has no public one (self-hosted). */
  defaultBaseUrl(env: Environment): string | null;
  /** The shape of a base URL, for messages: `https://api.xora.sh/v1`. */
  baseUrlForm: string;
  /** Extra instance settings this provider needs. */
  requires: { projectId: boolean };
  /**
   * Keys carry an expiry date of their own, chosen in the dashboard (Nora): the earliest is this
   * many days after today. Absent: the provider's keys do not expire by themselves.
   */
  nativeExpiry?: { minDaysAhead: number };
  /**
   * Whether an instance may set its own verify path: where the documents name no verify call (Nora)
   * or Keyturn knows nothing of the API (providers you describe). Elsewhere the call is the documents' own.
   */
  verifyPathSetting: boolean;
  authHeaders(secret: string): Record<string, string>;
  /** The cheap authenticated call used to verify a key. */
  verifyUrl(instance: Instance): string;
  /**
   * Whether a 2xx body of the verify call is this API's own answer (a light shape check): null when
   * it is, else what it should have looked like. A proxy's or a wrong path's JSON proves nothing.
   */
  verifyAnswerProblem(body: unknown): string | null;
  reasonFromRejection(body: unknown): RejectionReason;
  /**
   * What to check when the verify call is answered 404, which says nothing of the key but something
   * of the instance's settings; without it, "check the base URL and verify path".
   */
  notFoundHint?(instance: Instance): string;
  /** Added to a 401's reason where the instance's settings, not the key, may be what was refused. */
  rejectionHint?(instance: Instance): string;
  dashboard(instance: Instance): { create: GuidedStep; revoke: GuidedStep };
}

/** A provider with a key-management API: it creates keys by API, and by type it has the API to do so. */
export interface ApiProfile extends ProfileBase {
  capabilities: { create: 'api'; rotateInPlace: boolean; revoke: Capability; list: Capability };
  keyApi: KeyApiFactory;
}

/** A provider whose keys are made, revoked and listed in its dashboard: no key API. */
export interface GuidedProfile extends ProfileBase {
  capabilities: { create: 'guided'; rotateInPlace: false; revoke: 'guided'; list: 'guided' };
  keyApi?: undefined;
}

/** Discriminated by `capabilities.create`: a profile that creates by API always has its key API. */
export type ProviderProfile = ApiProfile | GuidedProfile;

/**
 * Whether a profile creates keys by API, narrowing it to one that has a key API. (TypeScript narrows
 * a union by a property of its own, not by a property of a property, so the check is named once here.)
 */
export function createsByApi(profile: ProviderProfile): profile is ApiProfile {
  return profile.capabilities.create === 'api';
}

/** Joins a base URL and a path without doubling or losing the slash. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The cap for keys of a provider whose format Keyturn does not know (user-defined providers), and
 * the most any host accepts (the contract's limit): common servers refuse a header line past 8 KB.
 */
export const MAX_KEY_LENGTH = 4096;

/** Checks shared by every provider: a paste with inner whitespace or control characters is not a key. */
export function commonKeyProblem(secret: string): KeyShapeProblem | null {
  if (secret.length === 0) return problem('key.empty', { field: 'secret' });
  if (/\s/.test(secret)) return problem('key.whitespace-inside', { field: 'secret' });
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(secret)) return problem('key.control-characters', { field: 'secret' });
  return null;
}
