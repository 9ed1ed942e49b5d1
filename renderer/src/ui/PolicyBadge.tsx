import type { PolicyState } from '../../../electron/contract/views.js';

/** A key's policy state in words and colour; `ok` and `retired` stay quiet. */
export function PolicyBadge({ state }: { state: PolicyState }) {
  if (state === 'ok' || state === 'retired') return <span className={`policy policy-${state}`}>{state}</span>;
  return <span className={`policy policy-${state.replace(' ', '-')} badge`}>{state}</span>;
}
