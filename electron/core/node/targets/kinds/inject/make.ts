import { resolve } from 'node:path';
import { fail } from '../../../../domain/problems/problem-error.js';
import { findPlaceholders } from '../../../../references/template.js';
import type { TargetKey } from '../../../../targets/kind-module.js';
import type { InjectTarget, NewInjectTarget } from '../../../../targets/kinds/inject/schema.js';
import { inspectOutput, refuseOutputIsTemplate } from '../../../inject/output-file.js';
import { readTemplate } from '../../../inject/template-file.js';

/**
 * An inject target from what a person gave: both paths made absolute against `cwd`; the template
 * readable, every reference in it naming a key of this vault, one of them the key the target is
 * for (else a rotation of it would not change the file); OUTPUT a file or a free name in a folder
 * that exists. Whether OUTPUT is Keyturn's is asked at the swap (a first render may come later).
 */
export async function makeInjectTarget(input: NewInjectTarget, id: string, cwd: string, key?: TargetKey): Promise<InjectTarget> {
  if (!key) throw new Error('internal: an inject target is made for one key (see Vault.addTarget)');
  const template = resolve(cwd, input.template);
  const output = resolve(cwd, input.output);
  const placeholders = findPlaceholders(await readTemplate(template), template);
  const ids = placeholders.map((p) => key.keyIdOf(p.reference, { source: 'template', file: template, line: p.line }));
  if (!ids.includes(key.keyId)) fail('inject.template-not-of-key', { field: 'file', ref: key.ref, template });
  await refuseOutputIsTemplate(output, template);
  await inspectOutput(output);
  return { id, kind: 'inject', template, output };
}
