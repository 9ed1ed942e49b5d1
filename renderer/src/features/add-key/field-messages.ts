import type { ProblemField } from '../../../../electron/contract/problems.js';
import { placeFailure, type Failure } from '../../ui/placed-failure.js';

/** A message for one input, and whether it came from storing (an alert) or from the live check (a status). */
export interface FieldNote {
  text: string;
  live: 'alert' | 'status';
}

/**
 * Where the dialog shows what is wrong: a failure naming an input the dialog shows goes next to it;
 * else a failed store goes to the dialog's general area, and a failed live check to the key's check line.
 */
export function addKeyMessages(shown: readonly ProblemField[], stored: Failure | null, checked: Failure | null) {
  const store = placeFailure(stored, shown);
  // The key's check line is the pasted key's own message: a check failure about the key stays there.
  const check = placeFailure<ProblemField>(checked, shown.filter((f) => f !== 'secret'));
  return {
    at(field: ProblemField): FieldNote | null {
      const fromStore = store.at(field);
      if (fromStore) return { text: fromStore, live: 'alert' };
      const fromCheck = check.at(field);
      return fromCheck ? { text: fromCheck, live: 'status' } : null;
    },
    general: store.general,
    checkLine: check.general,
  };
}

export type AddKeyMessages = ReturnType<typeof addKeyMessages>;

/** The inputs the dialog shows, so a problem about another one is shown in its general area. */
export function shownFields(creating: boolean, needsProjectId: boolean): ProblemField[] {
  const instance: ProblemField[] = creating ? ['provider', 'org', 'instance', 'env', 'baseUrl', ...(needsProjectId ? (['projectId'] as const) : [])] : ['instance'];
  return [...instance, 'name', 'secret', 'expires'];
}
