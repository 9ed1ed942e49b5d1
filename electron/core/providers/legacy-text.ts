import type { KeyShapeProblem } from '../domain/problems/key-shape.js';
import type { ProviderProblem } from '../domain/problems/provider.js';

/**
 * TRANSITIONAL: today's sentence for a key-shape or provider-call problem, for the callers that
 * still build a sentence from one (NewKeyCheck.problem, a rotation step's detail, an error's
 * message). Each host words the problem itself; a test keeps these equal to the CLI's words until
 * the last such caller takes the problem, and this file goes.
 */
export function legacyKeyShapeText(p: KeyShapeProblem): string {
  switch (p.code) {
    case 'key.empty':
      return 'the key is empty';
    case 'key.whitespace-inside':
      return 'the key contains whitespace or a line break inside it; copy it again in one piece';
    case 'key.control-characters':
      return 'the key contains control characters; copy it again';
    case 'key.wrong-prefix':
      return `a ${p.provider} key starts with ${p.form}`;
    case 'key.wrong-length':
      return `a ${p.provider} key is ${p.expected} characters long (${p.prefix} and ${p.expected - p.prefix.length} more); this one has ${p.actual}`;
    case 'key.too-short':
      return `this ${p.provider} key is too short (${p.actual} characters); copy the whole key`;
    case 'key.too-long':
      return `this is ${p.actual} characters long; a ${p.provider} key has at most ${p.max}: copy only the key`;
    case 'key.bad-characters':
      return `a ${p.provider} key${p.part === 'token' ? ' token' : ''} has only letters, digits, "_" and "-"${p.after ? ` after ${p.after}` : ''}`;
    case 'key.pattern-mismatch':
      return `a ${p.provider} key matches ${p.pattern}; this one does not`;
    case 'key.wrong-environment':
      return `this is a ${p.keyEnv} key (${p.keyPrefix}) but the instance is ${p.instanceEnv}: a ${p.provider} ${p.instanceEnv} instance takes only ${p.instancePrefix} keys`;
    case 'key.other-project':
      return `this ${p.provider} key belongs to another project: keys of organization ${p.org} start with ${p.prefix}`;
    case 'key.no-token':
      return `this ${p.provider} key has no token after the project slug; copy the whole key`;
  }
}

/** TRANSITIONAL, as legacyKeyShapeText: the message of a ProviderCallError. */
export function legacyProviderCallText(p: Exclude<ProviderProblem, { code: 'provider.unknown' }>): string {
  switch (p.code) {
    case 'provider.call-failed':
      return p.status === undefined ? `${p.provider} ${p.call}: ${p.reason}` : `${p.provider} ${p.call} answered ${p.status}: ${p.reason}`;
    case 'provider.answer-unreadable':
      return `${p.provider} ${p.call} answered with a body Keyturn cannot read`;
    case 'provider.remote-key-unchosen':
      return `${p.provider} lists several keys that could be ${p.maskedKey} and none was chosen`;
  }
}
