import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingVariable } from '../../../../electron/core/targets/dotenv-file.js';
import { TargetConsentError, makeTarget } from '../../../../electron/core/vault/target-ops.js';

/**
 * Core words a refusal for every host: the app shows these sentences as they are, so none may
 * name a command-line flag. The CLI adds its flag from the refusal's kind, never from its words.
 */
describe('target refusals that need the person’s leave', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyturn-consent-'));
  const real = join(dir, 'real.env');
  writeFileSync(real, 'OTHER=1\n');
  const link = join(dir, '.env');
  symlinkSync(real, link);

  async function refusal(run: () => Promise<unknown>): Promise<TargetConsentError> {
    const error = await run().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TargetConsentError);
    return error as TargetConsentError;
  }

  it('forbids naming a CLI flag when a link needs confirming; the kind says which leave is needed', async () => {
    const error = await refusal(() => makeTarget({ kind: 'dotenv', file: link, variable: 'KEY' }, 'id', dir));
    expect(error.consent).toBe('follow-link');
    expect(error.message).toContain(`is a link to ${real}`);
    expect(error.message).not.toMatch(/--/);
  });

  it('forbids naming a CLI flag when the variable is missing, at add and at the swap', async () => {
    const error = await refusal(() => makeTarget({ kind: 'dotenv', file: real, variable: 'KEY' }, 'id', dir));
    expect(error.consent).toBe('create-variable');
    expect(error.message).toMatch(/has no KEY= line/);
    for (const message of [error.message, missingVariable(real, 'KEY', 'swap')]) expect(message).not.toMatch(/--/);
  });
});
