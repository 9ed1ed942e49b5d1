import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { keyShapeProblems, type KeyShapeProblem } from '../../../../electron/core/domain/problems/key-shape.js';
import { providerProblems, type ProviderProblem } from '../../../../electron/core/domain/problems/provider.js';
import { maskedParam } from '../../../../electron/core/domain/problems/params.js';
import { legacyKeyShapeText, legacyProviderCallText } from '../../../../electron/core/providers/legacy-text.js';
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

/**
 * The transitional sentences (for callers that still build a sentence from a key check or a provider
 * call's error) must say what the CLI says, until those callers take the problem and they go.
 */
describe('the transitional sentences of key-shape and provider-call problems', () => {
  it('are the CLI wordings, for every code and shape', () => {
    for (const schema of keyShapeProblems) {
      for (const sample of samplesOf(schema)) {
        // As a check returns it: the "nothing was stored" ending is key add's, added later.
        const { nothingStored: _stored, newInstance: _instance, ...p } = schema.parse(sample) as KeyShapeProblem;
        expect(legacyKeyShapeText(p), p.code).toBe(cliProblemText(p));
      }
    }
    for (const schema of providerProblems) {
      for (const sample of samplesOf(schema)) {
        const p = schema.parse(sample) as ProviderProblem;
        if (p.code === 'provider.unknown') continue;
        expect(legacyProviderCallText(p), p.code).toBe(cliProblemText(p));
      }
    }
  });
});
