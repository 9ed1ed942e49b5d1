import { backupPathOf } from '../dotenv/file-write.js';
import { findPlaceholders, renderTemplate } from '../../../../references/template.js';
import type { SwapKeys, SwapOutcome, SwapWrite } from '../../../../targets/kind-module.js';
import type { InjectTarget } from '../../../../targets/kinds/inject/schema.js';
import { writeFileAtomically } from '../../../inject/atomic-write.js';
import { folderWritable, inspectOutput, refuseForeign, writeOutput, type OutputNow } from '../../../inject/output-file.js';
import { readTemplate } from '../../../inject/template-file.js';
import { injectReason } from './reasons.js';

/** The template rendered with the key moved in (`next`), and as it rendered with the key moved out (`previous`; null when that key is lost). */
interface Renders {
  next: string;
  previous: string | null;
}

/**
 * Renders the target's template as it is now: each reference to the rotated key gets the secret
 * moved in; every other reference is resolved from the vault now, each key read once.
 */
async function render(target: InjectTarget, keys: SwapKeys): Promise<Renders> {
  const text = await readTemplate(target.template);
  const placeholders = findPlaceholders(text, target.template);
  const others = new Map<string, string | null>(); // reference → its secret, or null for the rotated key
  for (const { reference, line } of placeholders) {
    if (others.has(reference)) continue;
    const key = await keys.resolveReference(reference, { source: 'template', file: target.template, line });
    others.set(reference, key.keyId === keys.keyId ? null : await key.secret());
  }
  const withSecret = (rotated: string) => renderTemplate(text, placeholders, (p) => others.get(p.reference) ?? rotated);
  return { next: withSecret(keys.newSecret), previous: keys.oldSecret === null ? null : withSecret(keys.oldSecret) };
}

/**
 * OUTPUT may be replaced when it is absent, recorded as Keyturn's, or holds exactly a render of the
 * template (with the old key or the new): nothing a person wrote is lost by rendering it again.
 */
async function writableOutput(target: InjectTarget, renders: Renders): Promise<OutputNow> {
  const now = await inspectOutput(target.output);
  refuseForeign(now, renders.previous === null ? [renders.next] : [renders.next, renders.previous]);
  return now;
}

export async function checkInjectTarget(target: InjectTarget, keys: SwapKeys): Promise<string | null> {
  try {
    await writableOutput(target, await render(target, keys));
    if (!(await folderWritable(target.output))) return `the folder of ${target.output} is not writable: Keyturn writes the new file next to it and renames it over`;
    return null;
  } catch (error) {
    return injectReason(error, 'cannot be rendered');
  }
}

export async function writeInjectSwap(target: InjectTarget, swap: SwapWrite): Promise<SwapOutcome> {
  try {
    // Every check runs again here: the template, the other keys or the file may have changed since.
    const renders = await render(target, swap);
    const now = await writableOutput(target, renders);
    if (now.exists && now.text === renders.next) return { ok: true, detail: 'already holds the new key' };
    const backupPath = backupPathOf(target.output, swap.backupTag);
    // The backup holds the file as it was before this rotation (a resume does not replace it).
    const backup = swap.hasBackup(backupPath)
      ? undefined
      : async (previous: string) => {
          await writeFileAtomically(backupPath, previous);
          await swap.onBackup(backupPath);
        };
    await writeOutput({ now, text: renders.next, template: target.template, clock: () => new Date(), ...(backup ? { backup } : {}) });
    return { ok: true, detail: now.exists ? 'rendered again with the new key' : 'rendered with the new key' };
  } catch (error) {
    return { ok: false, detail: injectReason(error, 'rendering failed') };
  }
}
