import type { AreaWordings, KeyShapeProblem } from '../../../electron/contract/problems.js';
import { notStored } from './vault.js';

/** Today's words for a shape, and when `key add` refused it, that nothing was stored. */
const shapeWordings: AreaWordings<KeyShapeProblem> = {
  'key.empty': () => 'The key is empty: paste the key.',
  'key.whitespace-inside': () => 'The key has a space or a line break inside it: copy it again in one piece.',
  'key.control-characters': () => 'The key contains control characters: copy it again.',
  'key.wrong-prefix': (p) => `A ${p.provider} key starts with ${p.form}: check that you copied a ${p.provider} key.`,
  'key.wrong-length': (p) => `A ${p.provider} key is ${p.expected} characters long (${p.prefix} and ${p.expected - p.prefix.length} more); this one has ${p.actual}: copy the whole key.`,
  'key.too-short': (p) => `This ${p.provider} key is too short (${p.actual} characters): copy the whole key.`,
  'key.too-long': (p) => `This is ${p.actual.toLocaleString('en')} characters long; a ${p.provider} key has at most ${p.max.toLocaleString('en')}: copy only the key.`,
  'key.bad-characters': (p) => `A ${p.provider} key${p.part === 'token' ? ' token' : ''} has only letters, digits, "_" and "-"${p.after ? ` after ${p.after}` : ''}: copy it again.`,
  'key.pattern-mismatch': (p) => `A ${p.provider} key matches ${p.pattern}; this one does not: check that you copied the right key.`,
  'key.wrong-environment': (p) =>
    `This is a ${p.keyEnv} key (${p.keyPrefix}) but the instance is ${p.instanceEnv}: a ${p.provider} ${p.instanceEnv} instance takes only ${p.instancePrefix} keys. Choose a ${p.keyEnv} instance, or paste a ${p.instanceEnv} key.`,
  'key.other-project': (p) => `This ${p.provider} key belongs to another project: keys of organization ${p.org} start with ${p.prefix}. Choose that project's instance, or paste one of its keys.`,
  'key.no-token': (p) => `This ${p.provider} key has no token after the project slug: copy the whole key.`,
};

export const keyShapeWordings = Object.fromEntries(
  Object.entries(shapeWordings).map(([code, word]) => [code, (p: KeyShapeProblem) => `${(word as (p: KeyShapeProblem) => string)(p)}${notStored(p)}`]),
) as unknown as AreaWordings<KeyShapeProblem>;
