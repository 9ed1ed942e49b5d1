import type { ProblemField } from '../../../electron/contract/problems.js';
import { CallError } from '../api/client.js';
import { errorText } from './format.js';

/** A failed call in the app's words, and the input it is about (null: no one input). */
export interface Failure {
  field: ProblemField | null;
  text: string;
}

/** A call's rejection as a failure: a problem that names a field keeps it, anything else has none. */
export function failureOf(error: unknown): Failure {
  if (error instanceof CallError) return { field: 'field' in error.problem ? error.problem.field : null, text: error.message };
  return { field: null, text: errorText(error) };
}

/** A failure that belongs to no field (a check the page made itself, a refusal the host returned). */
export function generalFailure(text: string): Failure {
  return { field: null, text };
}

/** Where a form shows a failure: next to the field it names when the form shows that field, else in its general area. */
export interface PlacedFailure<F extends ProblemField> {
  at(field: F): string | null;
  general: string | null;
}

export function placeFailure<F extends ProblemField>(failure: Failure | null, shown: readonly F[]): PlacedFailure<F> {
  const field = failure?.field ?? null;
  const placed = field !== null && (shown as readonly ProblemField[]).includes(field);
  return {
    at: (f) => (placed && failure && f === field ? failure.text : null),
    general: failure && !placed ? failure.text : null,
  };
}
