import { describe, expect, it } from 'vitest';
import { normalizeLeaked } from '../../../../electron/core/emergency/leaked-input.js';

describe('normalizeLeaked: a key as pasted from a log', () => {
  const key = 'sk_live_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c';
  it.each([
    [key],
    [`  ${key}\n`],
    [`"${key}"`],
    [`'${key}'`],
    [`Bearer ${key}`],
    [`Authorization: Bearer ${key}`],
    [`X-API-Key: ${key}`],
    [`NORA_KEY=${key}`],
    [`export NORA_KEY="${key}"`],
    [`apiKey: '${key}',`],
  ])('takes the key out of %j', (pasted) => {
    expect(normalizeLeaked(pasted)).toBe(key);
  });
});

describe('normalizeLeaked: an empty slot holds no key', () => {
  it.each([['export NORA_KEY='], ['NORA_KEY=""'], ["NORA_KEY=''"], ['Authorization: Bearer '], ['Bearer'], ['X-API-Key: ']])('%j is empty', (pasted) => {
    expect(normalizeLeaked(pasted)).toBe('');
  });

  it('a key that merely starts with "Bearer" is kept', () => {
    expect(normalizeLeaked('BearerToken123')).toBe('BearerToken123');
  });
});
