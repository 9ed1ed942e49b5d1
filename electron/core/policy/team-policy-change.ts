import type { TeamPolicy } from '../ports/team-database.js';
import type { TeamService } from '../team/team-service.js';
import { checkDays, type PolicyChange } from './policy-changes.js';
import { fail } from '../domain/problems/problem-error.js';
import { DEFAULT_MAX_AGE_DAYS } from './key-policy.js';

/**
 * One level of the team-wide policy changed as `policy set` changes the vault's: the default, one
 * provider (for any member's instances of it), or one instance by its ref (the same on every
 * member's machine). Returns null when nothing is left set.
 */
export function changedTeamPolicy(current: TeamPolicy | null, change: PolicyChange): TeamPolicy | null {
  const next: TeamPolicy = { ...current };
  if (change.scope.kind === 'instance') {
    const ref = change.scope.ref;
    const days = typeof change.days === 'number' ? checkDays(change.days, 'maximum-age') : change.days === null ? null : (change.days.production ?? change.days.sandbox ?? null);
    const instances = { ...next.instances };
    if (days === null) delete instances[ref];
    else instances[ref] = checkDays(days, 'maximum-age');
    next.instances = instances;
  } else {
    if (typeof change.days === 'number' || change.days === null) fail('policy.days-per-environment', { field: 'days' });
    const days = change.days;
    const merged = (base: Partial<Record<'production' | 'sandbox', number>> | undefined) => {
      const out: Partial<Record<'production' | 'sandbox', number>> = { ...base };
      for (const env of ['production', 'sandbox'] as const) {
        const value = days[env];
        if (value === null) delete out[env];
        else if (value !== undefined) out[env] = checkDays(value, env);
      }
      return out;
    };
    if (change.scope.kind === 'provider') {
      const providers = { ...next.providers, [change.scope.provider]: merged(next.providers?.[change.scope.provider]) };
      if (Object.keys(providers[change.scope.provider] ?? {}).length === 0) delete providers[change.scope.provider];
      next.providers = providers;
    } else {
      // As the vault's default: both environments, the one not given at its built-in maximum.
      const defaults = merged(next.defaults);
      next.defaults = { production: defaults.production ?? DEFAULT_MAX_AGE_DAYS.production, sandbox: defaults.sandbox ?? DEFAULT_MAX_AGE_DAYS.sandbox };
    }
  }
  if (next.instances && Object.keys(next.instances).length === 0) delete next.instances;
  if (next.providers && Object.keys(next.providers).length === 0) delete next.providers;
  return Object.keys(next).length === 0 ? null : next;
}

/** `policy set --team`: a lead's change of the team-wide policy (the database refuses anyone else; team.lead-only). */
export async function setTeamPolicyLevel(team: TeamService, change: PolicyChange): Promise<TeamPolicy | null> {
  const next = changedTeamPolicy(await team.policy(), change);
  await team.setPolicy(next);
  return next;
}
