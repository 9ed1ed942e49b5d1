import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';

describe('keyturn run and scan', () => {
  it('run injects the key into the child’s environment and masks it in the output', async () => {
    const home = tempHome();
    const run = cliFor(home);
    const secret = sampleKeys.nora('production');
    await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production']);
    await run(['key', 'add', 'nora/acme/live', 'backend'], secret);
    const result = await run(['run', '--env', 'NORA_KEY=nora/acme/live/backend', '--', process.execPath, '-e', 'console.log("using " + process.env.NORA_KEY); process.exit(5)']);
    expect(result.code).toBe(5);
    expect(result.stdout).toBe('using [keyturn:NORA_KEY]\n');
    expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it('scan reports what is in the vault; --import adds the rest with their files as swap targets', async () => {
    const home = tempHome();
    const run = cliFor(home);
    await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production']);
    const stored = sampleKeys.nora('production');
    await run(['key', 'add', 'nora/acme/live', 'stored'], stored);
    const fresh = sampleKeys.nora('production');
    const project = join(home, 'project');
    mkdirSync(project);
    writeFileSync(join(project, '.env'), `STORED=${stored}\nNORA_API_KEY=${fresh}\nXORA=${sampleKeys.xora()}\n`);

    const report = await run(['scan', project, '--json']);
    expect(report.code).toBe(0);
    const findings = JSON.parse(report.stdout) as { variable: string; inVault: string | null }[];
    expect(findings.map((f) => [f.variable, f.inVault])).toEqual([['STORED', 'nora/acme/live/stored'], ['NORA_API_KEY', null], ['XORA', null]]);
    expect(report.stdout).not.toContain(fresh);

    const imported = await run(['scan', project, '--import']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/imported nora\/acme\/live\/nora-api-key with 1 swap target/);
    expect(imported.stdout).toMatch(/not imported nte_.*: no xora instance/);
    expect((await run(['key', 'get', 'nora/acme/live/nora-api-key'])).stdout).toBe(`${fresh}\n`);
    const targets = JSON.parse((await run(['target', 'list', 'nora/acme/live/nora-api-key', '--json'])).stdout) as { kind: string; variable: string }[];
    expect(targets).toEqual([expect.objectContaining({ kind: 'dotenv', variable: 'NORA_API_KEY' })]);
  });
});
