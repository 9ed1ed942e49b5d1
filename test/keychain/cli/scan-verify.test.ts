import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NORA_KEYS_PATH, startAllEmulators } from '../../emulators/index.js';
import { cliFor } from '../../support/cli.js';
import { tempHome } from '../../support/temp-home.js';

// Runs against electron/core/node/scan/verify-findings.ts (verifyFindings).

type Emulators = Awaited<ReturnType<typeof startAllEmulators>>;

describe('keyturn scan --verify: whether each key found works now', () => {
  let emulators: Emulators;
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });

  it('says a live key works (treat it as live) and a revoked one is no emergency; --json carries each check; never a secret', async () => {
    const home = tempHome();
    const run = cliFor(home);
    expect((await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production', '--base-url', emulators.nora.baseUrl('production'), '--verify-path', NORA_KEYS_PATH])).code).toBe(0);
    const live = emulators.nora.control.createKey({ name: 'leaked', env: 'production', org: 'acme' });
    const dead = emulators.nora.control.createKey({ name: 'old', env: 'production', org: 'acme' });
    emulators.nora.control.revokeKey(dead.id);
    const project = join(home, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'a.ts'), `const live = '${live.secret}';\nconst dead = '${dead.secret}';\n`);

    const shown = await run(['scan', project, '--verify']);
    expect(shown.code, shown.stderr).toBe(1);
    const blocks = shown.stdout.split('\n\n');
    const liveBlock = blocks.find((b) => b.includes('a.ts:1:'));
    const deadBlock = blocks.find((b) => b.includes('a.ts:2:'));
    expect(liveBlock).toMatch(/\n {2}works now\? yes, it works \(asked through nora\/acme\/live\): treat it as live\n/);
    expect(deadBlock).toMatch(/ {2}revoked\n/);
    expect(deadBlock).toMatch(/\n {2}works now\? no, it is revoked/);
    expect(deadBlock).toMatch(/\n {2}next: it is revoked already: no emergency/);
    expect(shown.stdout + shown.stderr).not.toContain(live.secret);
    expect(shown.stdout + shown.stderr).not.toContain(dead.secret);

    const json = await run(['scan', project, '--verify', '--json']);
    const findings = (JSON.parse(json.stdout) as { findings: { line: number; revoked: boolean; verification?: { result: string; instanceRef: string | null } }[] }).findings;
    expect(findings.map((f) => [f.line, f.verification?.result, f.revoked]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [1, 'valid', false],
      [2, 'revoked', true],
    ]);
    expect(json.stdout).not.toContain(live.secret);
  });
});
