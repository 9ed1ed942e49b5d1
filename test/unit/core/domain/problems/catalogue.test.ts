import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { PROBLEM_SCHEMAS, problemSchema, type Problem } from '../../../../../electron/core/domain/problems/catalogue.js';
import { PROBLEM_KINDS } from '../../../../../electron/core/domain/problems/problem-kinds.js';
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

/** Every other value a field can take, one field at a time: each enum option, false, and left out when optional. */
function variantsOf(schema: z.ZodType, field: string): unknown[] {
  if (schema instanceof z.ZodOptional) return [undefined, ...variantsOf(schema.unwrap() as z.ZodType, field)];
  if (schema instanceof z.ZodNullable) return [null, ...variantsOf(schema.unwrap() as z.ZodType, field)];
  if (schema instanceof z.ZodEnum) return schema.options.slice(1);
  if (schema instanceof z.ZodBoolean) return [false];
  if (schema instanceof z.ZodArray) return [[]];
  return [];
}

const FIELD_SAFE = new Set<z.ZodType>(PARAM_SCHEMAS);
const samples: Problem[] = PROBLEM_SCHEMAS.map((schema) => {
  const params = Object.fromEntries(Object.entries(schema.shape).map(([field, s]) => [field, sampleOf(s as z.ZodType, field)]));
  return problemSchema.parse(params);
});
/** Each problem with every field at each of its values in turn (the others at their first): what the wordings' branches see. */
const variants: Problem[] = PROBLEM_SCHEMAS.flatMap((schema, i) =>
  Object.entries(schema.shape).flatMap(([field, s]) =>
    variantsOf(s as z.ZodType, field).map((value) => {
      const params: Record<string, unknown> = { ...samples[i] };
      if (value === undefined) delete params[field];
      else params[field] = value;
      return problemSchema.parse(params);
    }),
  ),
);
const everyShape = [...samples, ...variants];

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

  it('is worded by both hosts for every code and every value of its choices', () => {
    expect(Object.keys(CLI_WORDINGS).sort()).toEqual(Object.keys(PROBLEM_KINDS).sort());
    expect(Object.keys(APP_WORDINGS).sort()).toEqual(Object.keys(PROBLEM_KINDS).sort());
    for (const p of everyShape) {
      expect(cliProblemText(p).trim(), p.code).not.toBe('');
      expect(appProblemText(p).trim(), p.code).not.toBe('');
    }
  });

  it('forbids an app wording that names a CLI flag or command, in any branch', () => {
    for (const p of everyShape) {
      const text = appProblemText(p);
      expect(text, p.code).not.toMatch(/(^|\s|")--[a-z]/);
      expect(text, p.code).not.toMatch(/\bkeyturn /);
    }
  });

  it('names in the terminal every reference and path a problem carries', () => {
    const carried = (p: Problem) =>
      Object.entries(p).filter(([field, value]) => typeof value === 'string' && value.startsWith('sample-') && /^(ref|path|file|instance|where|id)$/i.test(field));
    const dropped = samples.flatMap((p) => carried(p).filter(([, value]) => !cliProblemText(p).includes(value as string)).map(([field]) => `${p.code}.${field}`));
    // Today's sentences, kept word for word: the name is the one just asked for, the rotation the one running.
    expect(dropped).toEqual(['rotation.production-not-confirmed.instance', 'rotation.taken-over.ref']);
  });

  it('forbids passing a raw string where a masked key is wanted', () => {
    // @ts-expect-error a plain string (a secret, say) is not a MaskedText: only maskedText() makes one
    const raw: MaskedText = 'nte_secret';
    expect(maskedParam.safeParse(raw).success).toBe(true); // at runtime it is a string; the guard is the type
    expect(maskedText('nxr_ab12…')).toBe('nxr_ab12…');
  });
});
