import type { PolicyState } from '../../../electron/contract/views.js';

/** Every policy state, in the order a person scans them: the filters' options. */
export const POLICY_STATE_OPTIONS: readonly PolicyState[] = ['ok', 'due soon', 'overdue', 'expired', 'retired'];

/** The states a person should act on: the tree's counts and the snooze action. */
export function needsAttention(state: PolicyState): boolean {
  return state === 'due soon' || state === 'overdue' || state === 'expired';
}

/** A key's policy state in words and colour; `ok` and `retired` stay quiet. */
export function PolicyBadge({ state }: { state: PolicyState }) {
  if (!needsAttention(state)) return <span className={`policy policy-${state}`}>{state}</span>;
  return <span className={`policy policy-${state.replace(' ', '-')} badge`}>{state}</span>;
}
