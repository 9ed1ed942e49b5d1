import type { RotationStepName } from '../domain/model.js';
import type { StepContext } from './context.js';

/** A step that did not finish: journaled as failed with the reason, audited, shown. Always false. */
export async function failStep(ctx: StepContext, step: RotationStepName, detail: string): Promise<false> {
  await ctx.journal.fail(step, detail);
  const { oldKey } = ctx.state();
  ctx.deps.audit.append({ action: `rotation.${step}`, keyId: oldKey.id, maskedKey: oldKey.maskedKey, outcome: 'failed', detail });
  ctx.interaction.progress({ step, status: 'failed', detail });
  return false;
}
