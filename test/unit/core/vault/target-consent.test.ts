import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliProblemText } from '../../../../electron/cli/problems/wordings.js';
import { isProblem } from '../../../../electron/core/domain/problems/problem-error.js';
import type { ProblemOf } from '../../../../electron/core/domain/problems/catalogue.js';
import { makeTarget } from '../../../../electron/core/node/vault/target-ops.js';
import { appProblemText } from '../../../../renderer/src/problems/wordings.js';

/**
 * A refusal that needs the person's leave is one problem, `target.needs-consent`, whose `consent`
 * says which leave: each host says how to give it (the CLI its flag, the app its button or box).
 */
describe('target refusals that need the person’s leave', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyturn-consent-'));
  const real = join(dir, 'real.env');
  writeFileSync(real, 'OTHER=1\n');
  const link = join(dir, '.env');
  symlinkSync(real, link);

  async function refusal(run: () => Promise<unknown>): Promise<ProblemOf<'target.needs-consent'>> {
    const error = await run().then(
      () => null,
      (e: unknown) => e,
    );
    if (!isProblem(error, 'target.needs-consent')) throw new Error(`expected target.needs-consent, got ${String(error)}`);
    return error.problem;
  }

  it('forbids naming a CLI flag in the app when a link needs confirming; the consent parameter says which leave is needed', async () => {
    const problem = await refusal(() => makeTarget({ kind: 'dotenv', file: link, variable: 'KEY' }, 'id', dir));
    expect(problem).toMatchObject({ consent: 'follow-link', field: 'file', path: link, resolved: real });
    expect(cliProblemText(problem)).toBe(`${link} is a link to ${real}: nothing was added; to write the key there, add --follow-link`);
    expect(appProblemText(problem)).toContain('"Write through the link"');
    expect(appProblemText(problem)).not.toMatch(/--|keyturn /);
  });

  it('forbids naming a CLI flag in the app when the variable is missing', async () => {
    const problem = await refusal(() => makeTarget({ kind: 'dotenv', file: real, variable: 'KEY' }, 'id', dir));
    expect(problem).toMatchObject({ consent: 'create-variable', field: 'variable', path: real, variable: 'KEY' });
    expect(cliProblemText(problem)).toMatch(/has no KEY= line: nothing was added; .* \(add it again with --create-variable\)$/);
    expect(appProblemText(problem)).toContain('"Append the line if the file lacks it"');
    expect(appProblemText(problem)).not.toMatch(/--|keyturn /);
  });

  it('forbids creating a file nobody asked for: the app offers its "Create the file" button, the CLI its flag', async () => {
    const missing = join(dir, 'new.env');
    const problem = await refusal(() => makeTarget({ kind: 'dotenv', file: missing, variable: 'KEY' }, 'id', dir));
    expect(problem).toMatchObject({ consent: 'create-file', field: 'file', path: missing });
    expect(cliProblemText(problem)).toContain('(add it again with --create-file to create it)');
    expect(appProblemText(problem)).toContain('"Create the file"');
  });
});
