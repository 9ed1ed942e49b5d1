import type { RotationStepName, StepProblemContext } from '../domain/model.js';
import type { Problem } from '../domain/problems/catalogue.js';
import type { StepContext } from './context.js';
import type { RecordedFailure } from './journal.js';

/**
 * Why a step did not finish: a problem (with what the step was doing, where the problem alone does
 * not say), or host-neutral text for a stop that is no problem (the person stopped, a warning holds).
 */
export type StepFailure = string | { problem: Problem; context?: StepProblemContext; detail?: string };


/** A step that did not finish: journaled as failed with the reason, audited, shown. Always false. */
export async function failStep(ctx: StepContext, step: RotationStepName, failure: StepFailure): Promise<false> {
  const recorded = recordOf(failure);
  await ctx.journal.fail(step, recorded);
  const { rotation, oldKey } = ctx.state();
  ctx.deps.audit.append({ action: `rotation.${step}`, keyId: oldKey.id, maskedKey: oldKey.maskedKey, outcome: 'failed', detail: recorded.detail });
  ctx.interaction.progress({
    step,
    status: 'failed',
    detail: recorded.detail,
    ...(recorded.problem ? { problem: { problem: recorded.problem, ...(recorded.problemContext ? { context: recorded.problemContext } : {}), providerKeyName: rotation.providerKeyName } } : {}),
  });
  return false;
}

function recordOf(failure: StepFailure): RecordedFailure {
  if (typeof failure === 'string') return { detail: failure };
  // The text a reader without the catalogue gets (an older Keyturn, the audit log, `--json`): the
  // code and its parameters (a problem carries no secret), no host's words.
  const { code, ...params } = failure.problem;
  const given = Object.keys(params).length > 0 ? ` ${JSON.stringify(params)}` : '';
  const detail = failure.detail ?? `stopped on ${code}${given}${failure.context ? ` during ${failure.context}` : ''}: resume to try again`;
  return { detail, problem: failure.problem, ...(failure.context ? { problemContext: failure.context } : {}) };
}
