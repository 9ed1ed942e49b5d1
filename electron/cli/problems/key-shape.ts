import type { KeyShapeProblem } from '../../core/domain/problems/key-shape.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';
import { notStored } from './vault.js';

/** Today's words for a shape, and when `key add` refused it, that nothing was stored. */
const shapeWordings: AreaWordings<KeyShapeProblem> = {
  'key.empty': () => 'the key is empty',
  'key.whitespace-inside': () => 'the key contains whitespace or a line break inside it; copy it again in one piece',
  'key.control-characters': () => 'the key contains control characters; copy it again',
  'key.wrong-prefix': (p) => `a ${p.provider} key starts with ${p.form}`,
  'key.wrong-length': (p) => `a ${p.provider} key is ${p.expected} characters long (${p.prefix} and ${p.expected - p.prefix.length} more); this one has ${p.actual}`,
  'key.too-short': (p) => `this ${p.provider} key is too short (${p.actual} characters); copy the whole key`,
  'key.too-long': (p) => `this is ${p.actual} characters long; a ${p.provider} key has at most ${p.max}: copy only the key`,
  'key.bad-characters': (p) => `a ${p.provider} key${p.part === 'token' ? ' token' : ''} has only letters, digits, "_" and "-"${p.after ? ` after ${p.after}` : ''}`,
  'key.pattern-mismatch': (p) => `a ${p.provider} key matches ${p.pattern}; this one does not`,
  'key.wrong-environment': (p) =>
    `this is a ${p.keyEnv} key (${p.keyPrefix}) but the instance is ${p.instanceEnv}: a ${p.provider} ${p.instanceEnv} instance takes only ${p.instancePrefix} keys`,
  'key.other-project': (p) => `this ${p.provider} key belongs to another project: keys of organization ${p.org} start with ${p.prefix}`,
  'key.no-token': (p) => `this ${p.provider} key has no token after the project slug; copy the whole key`,
};

export const keyShapeWordings = Object.fromEntries(
  Object.entries(shapeWordings).map(([code, word]) => [code, (p: KeyShapeProblem) => `${(word as (p: KeyShapeProblem) => string)(p)}${notStored(p)}`]),
) as unknown as AreaWordings<KeyShapeProblem>;
