import { problemOfStep } from '../../../../electron/contract/rotation-steps.js';
import type { Rotation, RotationStepName } from '../../../../electron/contract/views.js';
import { appProblemText } from '../../problems/wordings.js';

/**
 * What a step did, or why it stopped: the problem it stopped on in the app's words (with what the
 * step was doing when the problem alone does not say), else the text it recorded (a record from
 * before problems were stored, or a problem this version does not know).
 */
export function stepText(rotation: Rotation, step: RotationStepName): string | undefined {
  const stopped = problemOfStep(rotation, step);
  if (!stopped) return rotation.steps[step].detail;
  const text = appProblemText(stopped.problem);
  switch (stopped.context) {
    case 'create-call':
    case undefined:
      return text;
    case 'earlier-create':
      return `Keyturn could not check whether an earlier attempt created ${stopped.providerKeyName} at the provider. ${text}`;
    case 'provider-key':
      return `The key the provider returned cannot be used. ${text}`;
    case 'pasted-key':
      return `The pasted key was refused. ${text}`;
  }
}
