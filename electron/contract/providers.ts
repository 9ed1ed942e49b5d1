// The one list of built-in provider ids, as hosts and the renderer see it: core owns it (the
// registry's profiles are keyed by it); the renderer imports it from here, never from core.
export { BUILTIN_PROVIDERS } from '../core/domain/provider-ids.js';
export type { BuiltinProviderId, ProviderId } from '../core/domain/provider-ids.js';
export type { Capability } from '../core/providers/profile.js';
