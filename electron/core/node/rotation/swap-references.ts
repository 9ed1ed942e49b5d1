import { isProblem } from '../../domain/problems/problem-error.js';
import type { SwapReferencedKey } from '../../targets/kind-module.js';
import { lookupOf, parseReference } from '../../references/reference.js';
import { readReferencedSecret, resolveReference, type ReferenceUse } from '../../references/resolve.js';
import type { StepContext } from '../../rotation/context.js';
import { findKey } from '../../vault/refs.js';

/** The rotated key's secret is the swap's to give (SwapKeys.newSecret): a kind never asks for it here. */
function rotatedKeySecret(): Promise<string> {
  return Promise.reject(new Error('internal: the rotated key stands for the secret the swap moves in'));
}

/**
 * How a swap resolves the references of a rendered target (SwapKeys.resolveReference). A reference
 * to either key of this rotation (by the name, whichever of them holds it now, or by either id) is
 * the rotated key, `oldKeyId`, and needs no read; any other resolves as `keyturn inject` resolves
 * it (an active key of this vault), its secret read once per swap and audited as a render's.
 */
export function swapReferenceResolver(ctx: StepContext): (reference: string, use?: ReferenceUse) => Promise<SwapReferencedKey> {
  const secrets = new Map<string, Promise<string>>();
  return async (reference, use = {}) => {
    const { doc, rotation } = ctx.state();
    try {
      const { record } = findKey(doc, lookupOf(parseReference(reference)));
      if (record.id === rotation.oldKeyId || record.id === rotation.newKeyId) return { keyId: rotation.oldKeyId, secret: rotatedKeySecret };
    } catch (error) {
      // resolveReference below says what is wrong, in the reference's words.
      if (!isProblem(error)) throw error;
    }
    const resolved = resolveReference(doc, reference, use);
    const id = resolved.record.id;
    return {
      keyId: id,
      secret: () => {
        let read = secrets.get(id);
        if (!read) {
          read = readReferencedSecret(ctx.deps.secrets, ctx.deps.keychainService, resolved, use).then((secret) => {
            ctx.deps.audit.append({ action: 'key.inject', keyId: id, maskedKey: resolved.record.maskedKey, outcome: 'ok', detail: 'rendered into a swap target by a rotation' });
            return secret;
          });
          secrets.set(id, read);
        }
        return read;
      },
    };
  };
}
