import type { KeyManagementApi } from '../providers/key-api.js';
import { keyRef } from '../vault/refs.js';
import type { StepContext } from './context.js';
import { resolveRemoteId } from './remote-id.js';

/**
 * The rotated key's id at the provider, for a step that needs it: stored, found, or asked (the
 * person's --remote-id first). Listed with the old key itself, which still works at that point.
 */
export function oldKeyRemoteId(ctx: StepContext, api: KeyManagementApi, oldSecret: string): Promise<string | null> {
  const { doc, oldKey } = ctx.state();
  const { interaction } = ctx;
  return resolveRemoteId({
    api,
    secret: oldSecret,
    record: oldKey,
    doc,
    metadata: ctx.deps.metadata,
    question: { provider: ctx.profile.displayName, ref: keyRef(ctx.instance, oldKey), maskedKey: oldKey.maskedKey },
    ...(ctx.options.remoteId ? { chosenId: ctx.options.remoteId } : {}),
    ...(interaction.chooseRemoteKey ? { choose: (question) => interaction.chooseRemoteKey?.(question) ?? Promise.resolve(null) } : {}),
  });
}
