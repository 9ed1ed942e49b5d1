import type { Rotation, RotationStepName, StepProblemContext } from '../domain/model.js';
import type { Problem } from '../domain/problems/catalogue.js';
import { asProblem } from '../domain/problems/problem-shape.js';

/**
 * Why a failed step stopped, as each host words it: the problem, what the step was doing when it
 * met it, and the name the new key has at the provider (what `earlier-create` looked for).
 */
export interface StepProblem {
  problem: Problem;
  context?: StepProblemContext;
  providerKeyName: string;
}

/**
 * The problem a rotation's failed step stopped on, read against the catalogue; null when the step
 * did not fail, stored none (a record written before problems were stored), or stored one whose
 * code this version does not know: the host then shows the step's `detail`.
 */
export function problemOfStep(rotation: Rotation, step: RotationStepName): StepProblem | null {
  const recorded = rotation.steps[step];
  if (recorded.status !== 'failed' || recorded.problem === undefined) return null;
  const problem = asProblem(recorded.problem);
  if (problem === null) return null;
  return { problem, ...(recorded.problemContext ? { context: recorded.problemContext } : {}), providerKeyName: rotation.providerKeyName };
}
