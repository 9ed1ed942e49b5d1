import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { PROBLEM_KINDS, PROBLEM_SCHEMAS, problemSchema, type Problem } from '../../../../../electron/core/domain/problems/catalogue.js';
import { PARAM_SCHEMAS, fieldParam, maskedParam, maskedText, type MaskedText } from '../../../../../electron/core/domain/problems/params.js';
import { CLI_WORDINGS, cliProblemText } from '../../../../../electron/cli/problems/wordings.js';
import { APP_WORDINGS, appProblemText } from '../../../../../renderer/src/problems/wordings.js';

/** Unwraps optional, nullable and array to the schema a value is checked against. */
function leaf(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return leaf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodArray) return leaf(schema.element as z.ZodType);
  return schema;
}

/** A value for one field: literals and enums as declared, every free text unique, so a test can find it in the wording. */
function sampleOf(schema: z.ZodType, field: string): unknown {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return sampleOf(schema.unwrap() as z.ZodType, field);
  if (schema instanceof z.ZodArray) return [sampleOf(schema.element as z.ZodType, field)];
  if (schema instanceof z.ZodLiteral) return schema.value;
  if (schema instanceof z.ZodEnum) return schema.options[0];
  if (schema instanceof z.ZodBoolean) return true;
  if (schema instanceof z.ZodNumber) return 3;
  if (schema === maskedParam) return 'nxr_ab12…';
  return `sample-${field}`;
}

const FIELD_SAFE = new Set<z.ZodType>(PARAM_SCHEMAS);
const samples: Problem[] = PROBLEM_SCHEMAS.map((schema) => {
  const params = Object.fromEntries(Object.entries(schema.shape).map(([field, s]) => [field, sampleOf(s as z.ZodType, field)]));
  return problemSchema.parse(params);
});

describe('the problem catalogue', () => {
  it('has one schema per code, each with a kind', () => {
    const codes = samples.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(PROBLEM_KINDS).sort()).toEqual([...codes].sort());
  });

  it('forbids a parameter that is not one of the declared parameter kinds (a raw secret cannot be a parameter)', () => {
    for (const schema of PROBLEM_SCHEMAS) {
      for (const [field, s] of Object.entries(schema.shape)) {
        if (field === 'code') continue;
        const l = leaf(s as z.ZodType);
        const declared = FIELD_SAFE.has(l) || l === fieldParam || l instanceof z.ZodLiteral || l instanceof z.ZodEnum || l instanceof z.ZodBoolean;
        expect(declared, `${schema.shape.code.value}.${field}`).toBe(true);
      }
    }
  });

  it('forbids a field named for a secret unless it is a masked key', () => {
    for (const schema of PROBLEM_SCHEMAS) {
      for (const [field, s] of Object.entries(schema.shape)) {
        if (/secret|token|password|apikey|^key$|pasted|leaked/i.test(field)) expect(leaf(s as z.ZodType), `${schema.shape.code.value}.${field}`).toBe(maskedParam);
      }
    }
  });

  it('is worded by both hosts for every code, in words that carry the parameters', () => {
    expect(Object.keys(CLI_WORDINGS).sort()).toEqual(Object.keys(PROBLEM_KINDS).sort());
    expect(Object.keys(APP_WORDINGS).sort()).toEqual(Object.keys(PROBLEM_KINDS).sort());
    for (const p of samples) {
      expect(cliProblemText(p).trim(), p.code).not.toBe('');
      expect(appProblemText(p).trim(), p.code).not.toBe('');
    }
  });

  it('forbids an app wording that names a CLI flag or command', () => {
    for (const p of samples) {
      const text = appProblemText(p);
      expect(text, p.code).not.toMatch(/(^|\s|")--[a-z]/);
      expect(text, p.code).not.toMatch(/\bkeyturn /);
    }
  });

  it('forbids passing a raw string where a masked key is wanted', () => {
    // @ts-expect-error a plain string (a secret, say) is not a MaskedText: only maskedText() makes one
    const raw: MaskedText = 'nte_secret';
    expect(maskedParam.safeParse(raw).success).toBe(true); // at runtime it is a string; the guard is the type
    expect(maskedText('nxr_ab12…')).toBe('nxr_ab12…');
  });
});
