import type { Rotation } from '../core/domain/model.js';
import { fail } from '../core/domain/problems/problem-error.js';
import { findKey, keyRef } from '../core/vault/refs.js';
import { resolveProfile } from '../core/providers/registry.js';
import type { CliContext } from './context.js';

/**
 * The rotation a give-up (`--abandon`, `--different-key`) is about: the key's rotation in
 * progress. One that is over is refused as such (`rotation.finished`), not as "none in progress".
 */
export function rotationToGiveUp(ctx: CliContext, ref: string): string {
  const doc = ctx.vault().read();
  const { record, instance } = findKey(doc, ref);
  const running = ctx.rotations().inProgressFor(doc, record.id);
  if (running) return running.id;
  const last = ctx.rotations().list(doc, record.id)[0];
  if (last && last.state !== 'in-progress') fail('rotation.finished', { ref: keyRef(instance, record), state: last.state });
  return ctx.rotations().inProgressId(ref);
}

/** What `keyturn rotate REF --abandon` prints: what became of the new key, the targets, the old key. */
export function describeAbandoned(ctx: CliContext, rotation: Rotation): string {
  const doc = ctx.vault().read();
  const old = doc.keys.find((k) => k.id === rotation.oldKeyId);
  const instance = doc.instances.find((i) => i.id === rotation.instanceId);
  const ref = old && instance ? keyRef(instance, old) : rotation.oldKeyId;
  const outcome = rotation.abandoned;
  const lines = [`rotation abandoned: the new key was removed from the vault and the keychain; ${ref}${old ? ` (${old.maskedKey})` : ''} stays the current key`];
  if (outcome && outcome.restoredTargets > 0) lines.push(`${outcome.restoredTargets} swap target(s) hold the old key again`);
  if (outcome?.newKeyAtProvider === 'revoked') lines.push('the new key was revoked at the provider');
  if (outcome?.newKeyAtProvider === 'still-works') {
    const dashboard = instance ? resolveProfile(instance.provider, doc.customProviders).dashboard(instance).revoke.url : null;
    lines.push(`the new key still works at the provider: revoke it in the dashboard${dashboard ? ` (${dashboard})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
