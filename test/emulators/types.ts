// Public types of the provider emulators. Provider-specific shapes live here too so that
// tests and tools can import every type from one place (re-exported by index.ts).

export type ProviderName = 'xora' | 'nexora' | 'nora' | 'xerotier';
export type NoraEnv = 'sandbox' | 'production';
export type KeyStatus = 'active' | 'revoked' | 'expired';

export interface EmulatorKey {
  id: string;
  secret: string;
  name: string;
  createdAt: string;
  /** Effective status: an active key whose `expiresAt` has passed (emulator clock) reads `expired`. */
  status: KeyStatus;
  expiresAt?: string | null;
  lastUsedAt: string | null;
}

export type XoraKey = EmulatorKey;

/** `full` may use every endpoint; `restricted` gets 403 on the key-management endpoints. */
export type NexoraPermissions = 'full' | 'restricted';
export interface NexoraKey extends EmulatorKey {
  userId: string;
  permissions: NexoraPermissions;
}

export type NoraPermission = 'apiKey.read' | 'apiKey.create' | 'apiKey.delete';
export interface NoraKey extends EmulatorKey {
  org: string;
  env: NoraEnv;
  permissions: NoraPermission[];
  expiresAt: string | null;
}

export interface XerotierKey extends EmulatorKey {
  projectId: string;
  slug: string;
}

export interface XoraCreateKeyOptions {
  name: string;
}
export interface NexoraCreateKeyOptions {
  name: string;
  /** Owner; the default user when omitted. */
  userId?: string;
  permissions?: NexoraPermissions;
}
export interface NoraCreateKeyOptions {
  name: string;
  env?: NoraEnv;
  org?: string;
  /** ISO date (`2026-05-01`, read as 00:00 UTC) or date-time; must be tomorrow (UTC) or later. */
  expiresAt?: string | Date | null;
  permissions?: NoraPermission[];
}
export interface XerotierCreateKeyOptions {
  name: string;
  /** The project by id or by slug; the default project when both are omitted. */
  projectId?: string;
  slug?: string;
}

export interface NexoraUser {
  id: string;
  email: string;
  password: string;
  name: string;
}
export interface XerotierProject {
  id: string;
  slug: string;
  createdAt: string;
}

export interface Fault {
  /** Delay before answering (added to the emulator's base latency). */
  latencyMs?: number;
  /** Answer this status instead; the request is not processed (400/404/431: as a gateway in front would). */
  status?: 400 | 404 | 431 | 429 | 500 | 502 | 503;
  /** With status 429 or 503: send `Retry-After: <seconds>`. */
  retryAfterSeconds?: number;
  /** Replace the body. Without `status` the request is processed and its own status kept. */
  body?: 'html' | 'malformed-json' | 'empty';
  /** Destroy the socket (TCP RST) without answering; the request is not processed. */
  reset?: boolean;
  /** Process the request fully (e.g. really create the key), then reset the socket without answering. */
  resetAfterReceive?: boolean;
  /** Accept and never answer, until the client gives up or the emulator closes. */
  hang?: boolean;
  /** How many matching requests this fault applies to; until cleared when omitted. */
  times?: number;
  /** Match only this method (case-insensitive). */
  method?: string;
  /** Match only paths starting with this, as received (Xora: `/v1/jobs`, not `/jobs`). */
  pathPrefix?: string;
  /** Nora only: match only requests to this environment's server. */
  env?: NoraEnv;
}

export interface RequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  /** When it was received, by the emulator clock. */
  at: string;
  /** The status answered, or null when none was (reset, hang, client gone). */
  status: number | null;
  /** Id of the emulator key the request presented (whatever its status), else null. */
  authKeyId: string | null;
  /** Nora only: which server received it. */
  env?: NoraEnv;
}

/** The dashboard: what a person would do in the provider's web UI. */
export interface KeyControl<O, K extends EmulatorKey> {
  createKey(opts: O): K;
  revokeKey(idOrSecret: string): void;
  expireKey(idOrSecret: string): void;
  keys(): K[];
}

export interface CommonControl {
  /** Replace every fault with this one. */
  setFault(f: Fault): void;
  /** Queue a fault after the existing ones; the first matching fault with uses left applies. */
  addFault(f: Fault): void;
  clearFaults(): void;
  /** The faults still in force, with their remaining `times`. */
  faults(): Fault[];
  requests(): RequestRecord[];
  resetRequests(): void;
  /** Resolves with the first request record (already logged or future) that matches; rejects after timeoutMs. */
  waitForRequest(match?: (r: RequestRecord) => boolean, timeoutMs?: number): Promise<RequestRecord>;
}

export type EmulatorControl<O = { name: string }, K extends EmulatorKey = EmulatorKey> = KeyControl<O, K> & CommonControl;

export type XoraControl = EmulatorControl<XoraCreateKeyOptions, XoraKey>;
export interface NexoraExtras {
  createUser(opts: { email: string; password: string; name?: string }): NexoraUser;
  users(): NexoraUser[];
  defaultUser(): NexoraUser;
}
export type NexoraControl = EmulatorControl<NexoraCreateKeyOptions, NexoraKey> & NexoraExtras;
export type NoraControl = EmulatorControl<NoraCreateKeyOptions, NoraKey>;
export interface XerotierExtras {
  createProject(opts: { slug: string }): XerotierProject;
  projects(): XerotierProject[];
  defaultProject(): XerotierProject;
}
export type XerotierControl = EmulatorControl<XerotierCreateKeyOptions, XerotierKey> & XerotierExtras;

export interface Emulator<C extends EmulatorControl = EmulatorControl> {
  provider: ProviderName;
  /** The base URL in the providers README's form; `env` matters only for Nora (default sandbox). */
  baseUrl(env?: NoraEnv): string;
  control: C;
  /** `http://127.0.0.1:P/_emulator`; send `controlToken` in the `x-emulator-token` header. */
  controlUrl: string;
  controlToken: string;
  /**
   * The provider's web dashboard (its home page), where a person creates, lists and revokes keys;
   * on the API's own server, so on the origin the keys are sent to (Nora: either server, one dashboard).
   */
  dashboardUrl(env?: NoraEnv): string;
  /** Closes the server(s), destroying every open socket, hung requests included. */
  close(): Promise<void>;
}

export type XoraEmulator = Emulator<XoraControl>;
export type NexoraEmulator = Emulator<NexoraControl>;
export type NoraEmulator = Emulator<NoraControl>;
export type XerotierEmulator = Emulator<XerotierControl>;

export interface EmulatorByProvider {
  xora: XoraEmulator;
  nexora: NexoraEmulator;
  nora: NoraEmulator;
  xerotier: XerotierEmulator;
}

/**
 * Readings of what a provider's document leaves open (README: "Where the docs are silent"). Each
 * default is the least helpful reading; the other values are the more helpful ones, for tests that
 * run an adapter against both.
 */
export interface XoraModes {
  /** Both `Authorization: Bearer` and `X-API-KEY` sent at once: `refuse` (401), or which one is read. */
  bothHeaders: 'refuse' | 'bearer-wins' | 'x-api-key-wins';
  /** The 48 characters after `nte_`: `base64url` (letters, digits, `_`, `-`) or `alnum` only. */
  keyAlphabet: 'base64url' | 'alnum';
  /** The body of `GET /v1/jobs`: a bare JSON array, or `{ "data": [...] }`. */
  jobsBody: 'array' | 'data-object';
}
export interface NoraModes {
  /**
   * Which `GET /v2/...` endpoints exist. `api-keys-only`: only `/v2/api-keys`, any other path
   * authenticates, then 404; `with-instance`: `/v2/instance` too; `any-get`: every GET under /v2 answers.
   */
  endpoints: 'api-keys-only' | 'with-instance' | 'any-get';
  /** `revoked-only`: only a revoked key's 401 has a body (`{"code":"api_key_revoked"}`); `every-cause`: each 401 says its code and why. */
  rejectionCodes: 'revoked-only' | 'every-cause';
  /** An unknown `/v2` path: `authenticate-first` (401 for a bad key, then 404), or `not-found-first` (404 whatever the key). */
  unknownPath: 'authenticate-first' | 'not-found-first';
  /** The 32 characters after `sk_test_`/`sk_live_`: `base64url` (letters, digits, `_`, `-`) or `alnum` only. */
  keyAlphabet: 'base64url' | 'alnum';
  /** The body of the key list: a bare JSON array, or `{ "data": [...] }`. */
  listBody: 'array' | 'data-object';
}
export interface XerotierModes {
  /**
   * `key-first`: the key is checked, then the project in the path, and a key presented under an
   * unknown project or another project's id is refused with 401; `project-first`: an unknown project
   * is 404 before the key is read (another project's key is still 401).
   */
  checkOrder: 'key-first' | 'project-first';
  /** The body of `GET .../v1/models`: `{ "data": [...] }`, or the full OpenAI list `{ "object": "list", "data": [...] }`. */
  modelsBody: 'data-only' | 'openai-list';
  /** The body of a 401: `empty`, `text` (text/plain `Unauthorized`), or `openai-error` (`{"error":{"message",...}}`). */
  rejectionBody: 'empty' | 'text' | 'openai-error';
  /** How the 256 random bits of a key are written: `base64url` (43 characters, `_` and `-` among them) or `hex` (64). */
  tokenEncoding: 'base64url' | 'hex';
}
/**
 * Nexora readings of what its document leaves open (the list's fields, when `last_used_at` moves,
 * the key's length). Each default is the least helpful reading; see README.md.
 */
export interface NexoraOptions {
  /** The list also shows `prefix` (the first 8 characters and `…`). Default false: only the documented fields. */
  listPrefix?: boolean;
  /**
   * When a call sets the calling key's `last_used_at`. `never` (default): it stays null, as the
   * create answer shows it. `on-every-call`: every authenticated call sets it before answering, so
   * a list shows its own call. `after-answer`: every call sets it, but only after its own answer.
   */
  lastUsedAt?: NexoraLastUsedMode;
  /** Characters after `nxr_` (default 40). */
  keyLength?: number;
  /** What they are drawn from (default `alphanumeric`; `base64url` adds `-` and `_`). */
  keyAlphabet?: 'alphanumeric' | 'base64url' | 'hex';
}
export type NexoraLastUsedMode = 'never' | 'on-every-call' | 'after-answer';

export interface EmulatorOptions {
  /** Base latency for every provider API request (control requests are never delayed). */
  latencyMs?: number;
  /** The emulator clock: timestamps, expiry, JWT lifetimes. Defaults to the real time. */
  now?: () => Date;
  /** Use this control token instead of a random one. */
  controlToken?: string;
  /** Readings where the provider's document is silent; unset ones take the least helpful default. */
  xora?: Partial<XoraModes>;
  nexora?: NexoraOptions;
  nora?: Partial<NoraModes>;
  xerotier?: Partial<XerotierModes>;
}
