import { describe, expect, it } from 'vitest';
import { asProblem } from '../../../../../electron/core/domain/problems/problem-shape.js';

describe('a problem read back from a reply or a stored step', () => {
  it('is taken when its code is in the catalogue and its parameters are plain values', () => {
    const problem = { code: 'remote-id.not-listed', field: 'remoteId', id: 'abc', listed: ['a', 'b'] };
    expect(asProblem(problem)).toEqual(problem);
  });

  it('forbids a code this version does not know, so no host words what it cannot', () => {
    expect(asProblem({ code: 'from.a-newer-keyturn', detail: 'x' })).toBeNull();
    expect(asProblem({ code: 'toString' })).toBeNull();
    expect(asProblem({ detail: 'no code' })).toBeNull();
  });

  it('forbids parameters that are not plain values (an object, a function) and anything that is not an object', () => {
    expect(asProblem({ code: 'unexpected', detail: { nested: true } })).toBeNull();
    expect(asProblem({ code: 'unexpected', detail: [{}] })).toBeNull();
    expect(asProblem(['unexpected'])).toBeNull();
    expect(asProblem('unexpected')).toBeNull();
    expect(asProblem(null)).toBeNull();
  });
});
