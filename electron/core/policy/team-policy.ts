import type { Policy } from '../domain/model.js';

/**
 * The team-wide rotation policy: maximum ages by environment, by provider and environment, and by
 * instance (named `provider/org/instance`, the same on every member's machine, unlike instance ids).
 */
export interface TeamPolicy {
  defaults?: Policy['defaults'];
  providers?: Policy['providers'];
  /** By instance ref: `nora/acme/prod` → days. */
  instances?: Record<string, number>;
}
