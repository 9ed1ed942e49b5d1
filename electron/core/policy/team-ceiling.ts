import type { Environment } from '../domain/model.js';
import type { TeamPolicy } from './team-policy.js';

/**
 * The team-wide rotation policy in force in this process: a ceiling on every maximum age worked
 * out here (the audit view, reminders, the app's views, team audit), so a member's own settings can
 * only be stricter. It lives beside the vault's policy rather than in vault.json: it is the team's,
 * cached in team-sync.json at each sync, and put in force when a host opens its vault (the outbox
 * recorder) and whenever a sync brings a new one. A process serves one vault, so one ceiling.
 */
let ceiling: { home: string; policy: TeamPolicy } | null = null;

/** Puts `policy` in force for the vault in `home` (null: none, e.g. after disconnecting). */
export function setTeamPolicyCeiling(home: string, policy: TeamPolicy | null): void {
  if (policy) ceiling = { home, policy };
  else if (ceiling?.home === home) ceiling = null;
}

export function teamPolicyCeiling(): TeamPolicy | null {
  return ceiling?.policy ?? null;
}

/** The team's maximum age for a key of this instance: by instance ref, else provider and environment, else the default; undefined when the team sets none. */
export function teamMaxAge(policy: TeamPolicy, instance: { provider: string; org?: string; name?: string; env: Environment }): number | undefined {
  const ref = instance.org !== undefined && instance.name !== undefined ? `${instance.provider}/${instance.org}/${instance.name}` : null;
  return (ref ? policy.instances?.[ref] : undefined) ?? policy.providers?.[instance.provider]?.[instance.env] ?? policy.defaults?.[instance.env];
}
