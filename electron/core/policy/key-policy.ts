import type { Environment, Instance, KeyRecord, Policy } from '../domain/model.js';
import { teamMaxAge, teamPolicyCeiling } from './team-ceiling.js';

/** Production keys are rotated twice as often as sandbox keys unless a policy says otherwise. */
export const DEFAULT_MAX_AGE_DAYS: Record<Environment, number> = { production: 90, sandbox: 180 };
/** A key is "due soon" from this many days before the date that drives it (the first reminder). */
export const DUE_SOON_DAYS = 30;

export const POLICY_STATES = ['ok', 'due soon', 'overdue', 'expired', 'retired'] as const;
/** `retired`: a previous or revoked key, which no reminder or policy concerns any more. */
export type PolicyState = (typeof POLICY_STATES)[number];

/** The states a person should act on: the badge count, the window title, the tree's counts. */
export const NEEDS_ATTENTION: ReadonlySet<PolicyState> = new Set<PolicyState>(['due soon', 'overdue', 'expired']);

/**
 * A key a person should act on: a live key that is due soon, overdue or expired, or one its
 * provider rejected (401) at the last check. Never a rotation's pending key: it is not in use yet,
 * and the rotation it belongs to is what is shown.
 */
export function needsAttention(record: { status: KeyRecord['status']; lastVerification?: { result: string } | null | undefined }, state: PolicyState): boolean {
  if (record.status === 'pending') return false;
  return NEEDS_ATTENTION.has(state) || (record.status === 'active' && record.lastVerification?.result === 'rejected');
}

/**
 * How many days before its rotation date a key is due soon: DUE_SOON_DAYS, but never in the first
 * quarter of its maximum age, so a key that was just rotated (its policy just met) is never due
 * soon, even under a policy shorter than DUE_SOON_DAYS.
 */
export function dueSoonDays(maxAgeDays: number): number {
  return Math.min(DUE_SOON_DAYS, maxAgeDays - Math.ceil(maxAgeDays / 4));
}

export interface KeyPolicyState {
  state: PolicyState;
  /** The date that drives the state: the provider's expiry, or the rotation due date of the policy. */
  date: string | null;
  drivenBy: 'provider expiry' | 'max age' | null;
  maxAgeDays: number;
  /** Whole days from now to `date` (negative once past). */
  daysLeft: number | null;
}

const DAY_MS = 86_400_000;

/**
 * The maximum age that applies: the key's own, else its instance's, else its provider's, else the
 * default; never longer than the team's for it, when the vault is joined to a team that sets one
 * (see team-ceiling.ts): a member's own settings can only be stricter.
 */
export function maxAgeFor(record: KeyRecord, instance: Instance, policy: Policy | undefined): number {
  const own =
    record.maxAgeDays ??
    policy?.instances?.[instance.id] ??
    policy?.providers?.[instance.provider]?.[instance.env] ??
    policy?.defaults?.[instance.env] ??
    DEFAULT_MAX_AGE_DAYS[instance.env];
  const team = teamPolicyCeiling();
  const teams = team ? teamMaxAge(team, instance) : undefined;
  return teams !== undefined && teams < own ? teams : own;
}

// Dates are calendar days in UTC (`YYYY-MM-DD`); plain millisecond arithmetic on UTC midnights is
// exact for them, and keeps this hot path (10,000 keys per audit) free of per-key allocations.
function utcDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A key's policy state at `now`: ok, due soon, overdue (past its max age), expired (past the provider's expiry). */
export function keyPolicyState(record: KeyRecord, instance: Instance, policy: Policy | undefined, now: Date): KeyPolicyState {
  const maxAgeDays = maxAgeFor(record, instance, policy);
  if (record.status === 'previous' || record.status === 'revoked') return { state: 'retired', date: null, drivenBy: null, maxAgeDays, daysLeft: null };
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const rotateBy = utcDay(record.createdAt) + maxAgeDays * DAY_MS;
  const expires = record.expiresOn ? utcDay(record.expiresOn) : null;
  const daysTo = (day: number) => Math.round((day - today) / DAY_MS);
  if (record.status === 'expired' || (expires !== null && today >= expires)) {
    const day = expires ?? today;
    return { state: 'expired', date: isoDay(day), drivenBy: 'provider expiry', maxAgeDays, daysLeft: daysTo(day) };
  }
  const byExpiry = expires !== null && expires <= rotateBy;
  const due = byExpiry && expires !== null ? expires : rotateBy;
  const drivenBy = byExpiry ? 'provider expiry' : 'max age';
  const daysLeft = daysTo(due);
  // A provider's expiry is a fixed date, due soon a month ahead; a maximum age is met by rotating.
  const soon = byExpiry ? DUE_SOON_DAYS : dueSoonDays(maxAgeDays);
  const state: PolicyState = daysLeft <= 0 ? 'overdue' : daysLeft <= soon ? 'due soon' : 'ok';
  return { state, date: isoDay(due), drivenBy, maxAgeDays, daysLeft };
}
