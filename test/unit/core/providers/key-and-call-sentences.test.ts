import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { keyShapeProblems, type KeyShapeProblem } from '../../../../electron/core/domain/problems/key-shape.js';
import { providerProblems, type ProviderProblem } from '../../../../electron/core/domain/problems/provider.js';
import { maskedParam } from '../../../../electron/core/domain/problems/params.js';
import { cliProblemText } from '../../../../electron/cli/problems/wordings.js';

/** Samples of every shape of a schema's problem: each optional field present and absent. */
function samplesOf(schema: z.ZodObject): Record<string, unknown>[] {
  let samples: Record<string, unknown>[] = [{}];
  for (const [field, s] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const inner = s instanceof z.ZodOptional ? (s.unwrap() as z.ZodType) : s;
    const value = inner instanceof z.ZodLiteral ? inner.value : inner instanceof z.ZodEnum ? inner.options[0] : inner instanceof z.ZodNumber ? 7 : inner instanceof z.ZodBoolean ? true : inner instanceof z.ZodArray ? ['a'] : inner === maskedParam ? 'nxr_ab…' : `${field}-x`;
    const options = s instanceof z.ZodOptional ? [value, undefined] : [value];
    samples = samples.flatMap((sample) => options.map((v) => (v === undefined ? sample : { ...sample, [field]: v })));
  }
  return samples;
}

/** The sentences the terminal printed for a key's shape before core spoke in problems (`key add`'s "nothing was stored" ending is added apart). */
function sentenceOfShape(p: KeyShapeProblem): string {
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

/** The sentences the terminal printed for a failed call to a provider's key API. */
function sentenceOfCall(p: Exclude<ProviderProblem, { code: 'provider.unknown' }>): string {
  switch (p.code) {
    case 'provider.call-failed':
      return p.status === undefined ? `${p.provider} ${p.call}: ${p.reason}` : `${p.provider} ${p.call} answered ${p.status}: ${p.reason}`;
    case 'provider.answer-unreadable':
      return `${p.provider} ${p.call} answered with a body Keyturn cannot read`;
    case 'provider.remote-key-unchosen':
      return `${p.provider} lists several keys that could be ${p.maskedKey} and none was chosen`;
  }
}

/** Scripts and tests read these lines: a key-shape or provider-call problem is worded in the terminal as it always was. */
describe("the terminal's words for key-shape and provider-call problems", () => {
  it('are the sentences it printed before, for every code and shape', () => {
    for (const schema of keyShapeProblems) {
      for (const sample of samplesOf(schema)) {
        const { nothingStored: _stored, newInstance: _instance, ...p } = schema.parse(sample) as KeyShapeProblem;
        expect(cliProblemText(p), p.code).toBe(sentenceOfShape(p));
      }
    }
    for (const schema of providerProblems) {
      for (const sample of samplesOf(schema)) {
        const p = schema.parse(sample) as ProviderProblem;
        if (p.code === 'provider.unknown') continue;
        expect(cliProblemText(p), p.code).toBe(sentenceOfCall(p));
      }
    }
  });

  it('end with "nothing was stored" when key add refused the key, naming the instance that was not created', () => {
    const refused = { code: 'key.wrong-prefix', field: 'secret', provider: 'Nexora', form: 'nxr_', nothingStored: true, newInstance: 'nexora/acme/new' } as const;
    expect(cliProblemText(refused)).toBe('a Nexora key starts with nxr_; nothing was stored (nor the instance nexora/acme/new)');
  });
});
