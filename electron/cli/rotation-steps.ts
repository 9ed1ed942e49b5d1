import { ROTATION_STEPS, type Rotation, type RotationStepName } from '../core/domain/model.js';
import { problemOfStep, type StepProblem } from '../core/rotation/step-problem.js';
import { cliProblemText } from './problems/wordings.js';

/** A failed step's problem in the terminal's words, with what the step was doing when it met it. */
export function cliStepProblemText({ problem, context, providerKeyName }: StepProblem): string {
  const text = cliProblemText(problem);
  switch (context) {
    case 'create-call':
      return `${text}; nothing was changed here — resume to try again`;
    case 'earlier-create':
      return `could not check whether an earlier attempt created ${providerKeyName} (${text}); resume to try again`;
    case 'provider-key':
      return `the provider returned a key Keyturn cannot use (${text})`;
    case 'pasted-key':
      return `the pasted key was refused: ${text}`;
    case undefined:
      return `${text}; resume to try again`;
  }
}

/**
 * What a step did, or why it stopped: its problem in the terminal's words when it has one this
 * version can read, else the text it recorded (a record from before problems were stored).
 */
export function stepText(rotation: Rotation, step: RotationStepName): string | undefined {
  const stopped = problemOfStep(rotation, step);
  return stopped ? cliStepProblemText(stopped) : rotation.steps[step].detail;
}

/** Where a rotation is: the first step not done, its state and what it says. */
export function describeProgress(rotation: Rotation): string {
  const step = ROTATION_STEPS.find((s) => rotation.steps[s].status !== 'done');
  if (!step) return 'all steps done';
  const text = stepText(rotation, step);
  return `${step} ${rotation.steps[step].status}${text ? `: ${text}` : ''}`;
}
