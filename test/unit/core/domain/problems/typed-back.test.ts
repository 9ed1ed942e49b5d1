import { describe, expect, it } from 'vitest';
import { typedBack } from '../../../../../electron/core/domain/problems/params.js';
import { cliProblemText } from '../../../../../electron/cli/problems/wordings.js';
import { resolveProfile } from '../../../../../electron/core/providers/registry.js';
import { checkBaseUrl, checkProjectId } from '../../../../../electron/core/vault/instance-input.js';
import { parseEnvAssignments } from '../../../../../electron/core/run/env-assignments.js';
import { appProblemText } from '../../../../../renderer/src/problems/wordings.js';
import { sampleKeys } from '../../../../support/keys.js';

/** The problem a call throws, for its wording. */
function problemOf(call: () => unknown) {
  try {
    call();
  } catch (error) {
    return (error as { problem: Parameters<typeof cliProblemText>[0] }).problem;
  }
  throw new Error('expected a problem');
}

describe('a value typed back in a problem', () => {
  it('forbids showing back a key pasted into the wrong field (base URL, project id, --env)', () => {
    const nexora = resolveProfile('nexora', []);
    const xerotier = resolveProfile('xerotier', []);
    const keys = [sampleKeys.nexora(), sampleKeys.nora('production'), sampleKeys.xora(), sampleKeys.xerotier('acme')];
    for (const key of keys) {
      const shown = [
        problemOf(() => checkBaseUrl(key, nexora, 'production')),
        problemOf(() => checkProjectId(`${key}!`, xerotier)),
        problemOf(() => parseEnvAssignments([key])),
      ];
      for (const p of shown) {
        for (const text of [JSON.stringify(p), cliProblemText(p), appProblemText(p)]) expect(text).not.toContain(key.slice(8));
      }
    }
  });

  it('keeps what a person can read their mistake in: URLs, dates, short names', () => {
    expect(typedBack('http://nexora.example.com/api')).toBe('http://nexora.example.com/api');
    expect(typedBack('2026-13-01')).toBe('2026-13-01');
    expect(typedBack('proj ABC')).toBe('proj ABC');
    expect(typedBack('ae8f7173-c85f-4916-abbb-c3aba0641c90')).toBe('ae8f7173-c85f-4916-abbb-c3aba0641c90');
    expect(typedBack('https://host/sk_live_abcdefghijklmnopqrstuvwxyz/v2')).toBe('https://host/sk_live_…/v2');
  });
});
