import { describe, expect, it } from 'vitest';
import { cliProblemText } from '../../../../electron/cli/problems/wordings.js';
import { ownerWords } from '../../../../electron/cli/problems/rotation.js';
import { problem } from '../../../../electron/core/domain/problems/problem-error.js';
import { RotationHeldError, describeOwner, ownerParams, type RotationOwner } from '../../../../electron/core/rotation/rotation-lock.js';
import { appProblemText } from '../../../../renderer/src/problems/wordings.js';

const owner: RotationOwner = { pid: 4242, host: 'browser mode', machine: 'elsewhere', since: '2026-12-01T10:00:00.000Z' };
const unrecorded: RotationOwner = { pid: 0, host: 'unknown', machine: 'here', since: '2026-12-01T10:00:05Z' };

describe('a rotation held by another process', () => {
  it('is a busy problem whose parameters carry the owner, and the owner rides along for the engine', () => {
    const held = new RotationHeldError(problem('rotation.held', { ref: 'nexora/acme/self/svc', ...ownerParams(owner) }), owner);
    expect(held.kind).toBe('busy');
    expect(held.problem).toEqual({ code: 'rotation.held', ref: 'nexora/acme/self/svc', pid: 4242, host: 'browser mode', machine: 'elsewhere', since: '2026-12-01T10:00:00.000Z' });
    expect(held.owner).toBe(owner);
  });

  it('is worded by the CLI with the owner as rotation status describes it', () => {
    for (const o of [owner, unrecorded]) expect(ownerWords(ownerParams(o), 'nobody')).toBe(describeOwner(o));
    expect(ownerWords(ownerParams(null), 'another process')).toBe('another process');
    expect(cliProblemText(problem('rotation.held', { ref: 'nexora/acme/self/svc', ...ownerParams(owner) }))).toBe(
      'the rotation of nexora/acme/self/svc is held by process 4242 (browser mode on elsewhere, since 2026-12-01 10:00:00 UTC): it is running there, so nothing was done here. Wait for it to finish ("keyturn rotation status nexora/acme/self/svc" shows where it is)',
    );
  });

  it('is worded by the app with who holds it and what to do, naming no command', () => {
    expect(appProblemText(problem('rotation.held', { ref: 'nexora/acme/self/svc', ...ownerParams(owner) }))).toBe(
      'This rotation is running in process 4242 (browser mode on elsewhere, since 2026-12-01 10:00:00 UTC): wait for it to finish there, then open it here again.',
    );
    expect(appProblemText(problem('rotation.already-running', { ref: 'nexora/acme/self/svc' }))).toBe(
      'A rotation of nexora/acme/self/svc is already running in another Keyturn process: wait for it to finish there, then open it here again.',
    );
  });
});
