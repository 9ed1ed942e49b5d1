import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfMetadataStore } from '../../../electron/core/node/store/conf-metadata-store.js';
import { cliFor, runBuiltCli } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome, vaultIdOf } from '../../support/temp-home.js';

/*
 * `keyturn run --env-file`: through the CLI, on the real keychain. The child writes its environment
 * to a file (its output would be masked), so what it got is read exactly.
 */

/** A node child that writes the variables it got, as JSON, to `out`, and creates nothing else. */
const envWriter = (out: string) => [process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.env))`];
/** A node child whose only effect is creating `marker`: whether it ran at all. */
const markerChild = (marker: string) => [process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`];

/** A home with a production Nora key and a sandbox Xora key, and their secrets. */
async function twoKeyHome() {
  const home = tempHome();
  const run = cliFor(home);
  const live = sampleKeys.nora('production');
  const sandbox = sampleKeys.xora();
  expect((await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production'])).code).toBe(0);
  expect((await run(['key', 'add', 'nora/acme/live', 'backend', '--no-verify'], live)).code).toBe(0);
  expect((await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
  expect((await run(['key', 'add', 'xora/acme/main', 'ci', '--no-verify'], sandbox)).code).toBe(0);
  return { home, run, live, sandbox, secretOf: { 'keyturn://nora/acme/live/backend': live, 'keyturn://xora/acme/main/ci': sandbox } as Record<string, string> };
}

describe('keyturn run --env-file', () => {
  it('gives the child, for arbitrary files of references and plain values, exactly the documented precedence: later line, later file, then --env, over the parent', async () => {
    const { home, secretOf } = await twoKeyHome();
    const references = Object.keys(secretOf);
    const variables = ['API_KEY', 'PORT', 'FROM_PARENT', 'DB'];
    const value = fc.oneof(
      fc.constantFrom(...references).map((r) => ({ written: r, reference: true })),
      fc.stringMatching(/^[a-z0-9]{1,8}$/).map((v) => ({ written: v, reference: false })),
    );
    const line = fc.record({ variable: fc.constantFrom(...variables), value, style: fc.constantFrom('plain', 'export', 'double', 'single', 'spaced'), comment: fc.boolean() });
    const file = fc.record({ lines: fc.array(line, { minLength: 1, maxLength: 5 }), crlf: fc.boolean() });
    const assignment = fc.uniqueArray(fc.record({ variable: fc.constantFrom(...variables), reference: fc.constantFrom(...references) }), { selector: (a) => a.variable, maxLength: 2 });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 3 }), assignment, async (files, assignments) => {
        run++;
        const paths = files.map((f, i) => {
          const ending = f.crlf ? '\r\n' : '\n';
          const text = f.lines
            .map(({ variable, value: v, style, comment }) => {
              const written = style === 'double' ? `"${v.written}"` : style === 'single' ? `'${v.written}'` : v.written;
              return `${comment ? `# about ${variable}${ending}` : ''}${style === 'export' ? 'export ' : ''}${variable}${style === 'spaced' ? ' = ' : '='}${written}`;
            })
            .join(ending);
          const path = join(home, `run${run}-${i}.env`);
          writeFileSync(path, `${text}${ending}`);
          return path;
        });
        const out = join(home, `run${run}-env.json`);
        const args = [...paths.flatMap((p) => ['--env-file', p]), ...assignments.flatMap((a) => ['--env', `${a.variable}=${a.reference}`])];
        const result = await runBuiltCli(['--home', home, 'run', ...args, '--', ...envWriter(out)], { ...process.env, FROM_PARENT: 'parent value', PORT: 'parent port' });
        expect(result.code, result.stderr).toBe(0);

        const expected: Record<string, string> = { FROM_PARENT: 'parent value', PORT: 'parent port' };
        for (const f of files) for (const l of f.lines) expected[l.variable] = l.value.reference ? (secretOf[l.value.written] as string) : l.value.written;
        for (const a of assignments) expected[a.variable] = secretOf[a.reference] as string;
        const got = JSON.parse(readFileSync(out, 'utf8')) as Record<string, string>;
        expect(Object.fromEntries(variables.map((v) => [v, got[v]]))).toEqual(Object.fromEntries(variables.map((v) => [v, expected[v]])));
        // Which source set each variable is listed; no secret ever is.
        for (const secret of Object.values(secretOf)) expect(result.stderr + result.stdout).not.toContain(secret);
      }),
      { numRuns: 8 },
    );
  });

  it('lists which source set each variable on stderr before the command runs (key and environment, or "value from"), never a value; --quiet lists nothing', async () => {
    const { home, run, live } = await twoKeyHome();
    const envFile = join(home, 'app.env');
    writeFileSync(envFile, '# keyturn: environment=production\nNORA_KEY=keyturn://nora/acme/live/backend\nPORT=8080\n');
    const shown = await run(['run', '--env-file', envFile, '--env', 'OTHER=nora/acme/live/backend', '--', process.execPath, '-e', "console.log('child ran')"]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stderr).toBe(
      [
        `keyturn: 3 variables set, environment production (declared at ${envFile}:1):`,
        `  NORA_KEY  key nora/acme/live/backend (production) from ${envFile}:2`,
        `  PORT      value from ${envFile}:3`,
        '  OTHER     key nora/acme/live/backend (production) from --env',
        '',
      ].join('\n'),
    );
    expect(shown.stderr).not.toContain('8080');
    expect(shown.stderr + shown.stdout).not.toContain(live);
    expect(shown.stdout).toBe('child ran\n');

    const quiet = await run(['run', '--quiet', '--env-file', envFile, '--', process.execPath, '-e', "console.log('child ran')"]);
    expect(quiet).toEqual({ code: 0, stdout: 'child ran\n', stderr: '' });
  });

  it('masks every resolved secret in the output, but not plain values', async () => {
    const { home, run } = await twoKeyHome();
    const envFile = join(home, 'app.env');
    writeFileSync(envFile, 'NORA_KEY="keyturn://nora/acme/live/backend"\nPORT=8080\n');
    const masked = await run(['run', '--quiet', '--env-file', envFile, '--', process.execPath, '-e', 'console.log(process.env.NORA_KEY, process.env.PORT)']);
    expect(masked).toMatchObject({ code: 0, stdout: '[keyturn:NORA_KEY] 8080\n' });
  });

  // runWithSecrets' `masking` option (electron/core/node/run/) turns the masking off.
  it('--no-masking passes the output on as it is and says so on stderr', async () => {
    const { home, run, live } = await twoKeyHome();
    const envFile = join(home, 'app.env');
    writeFileSync(envFile, 'NORA_KEY="keyturn://nora/acme/live/backend"\n');
    const unmasked = await run(['run', '--quiet', '--no-masking', '--env-file', envFile, '--', process.execPath, '-e', 'console.log(process.env.NORA_KEY)']);
    expect(unmasked).toMatchObject({ code: 0, stdout: `${live}\n` });
    expect(unmasked.stderr).toMatch(/^keyturn: masking is off \(--no-masking\)/);
    expect(unmasked.stderr).not.toContain(live);
  });

  describe('the environment guard', () => {
    it('forbids a production key under --environment sandbox, and a sandbox key under --environment production, before anything runs (exit 2, naming the variable and the key)', async () => {
      const { home, run } = await twoKeyHome();
      const envFile = join(home, 'app.env');
      writeFileSync(envFile, 'NORA_KEY=keyturn://nora/acme/live/backend\n');
      const marker = join(home, 'ran');
      const sandboxRun = await run(['run', '--environment', 'sandbox', '--env-file', envFile, '--', ...markerChild(marker)]);
      expect(sandboxRun.code).toBe(2);
      expect(sandboxRun.stderr).toContain(`NORA_KEY (${envFile}:1): keyturn://nora/acme/live/backend is a production key, but --environment sandbox was given; nothing was run`);
      const productionRun = await run(['run', '--environment', 'production', '--env', 'XORA_KEY=keyturn://xora/acme/main/ci', '--', ...markerChild(marker)]);
      expect(productionRun.code).toBe(2);
      expect(productionRun.stderr).toContain('XORA_KEY (--env): keyturn://xora/acme/main/ci is a sandbox key, but --environment production was given');
      expect(existsSync(marker)).toBe(false);
      // The right environment runs.
      expect((await run(['run', '--environment', 'production', '--env-file', envFile, '--', ...markerChild(marker)])).code).toBe(0);
      expect(existsSync(marker)).toBe(true);
    });

    it('forbids the other environment’s key where a file declares "# keyturn: environment=", both ways; the option overrides the declaration', async () => {
      const { home, run } = await twoKeyHome();
      const marker = join(home, 'ran');
      const sandboxFile = join(home, 'sandbox.env');
      writeFileSync(sandboxFile, '# keyturn: environment=sandbox\r\nNORA_KEY=keyturn://nora/acme/live/backend\r\n');
      const productionFile = join(home, 'production.env');
      writeFileSync(productionFile, 'XORA_KEY=keyturn://xora/acme/main/ci\n# keyturn: environment=production\n');

      const refusedLive = await run(['run', '--env-file', sandboxFile, '--', ...markerChild(marker)]);
      expect(refusedLive.code).toBe(2);
      expect(refusedLive.stderr).toContain(`NORA_KEY (${sandboxFile}:2): keyturn://nora/acme/live/backend is a production key, but ${sandboxFile}:1 declares environment=sandbox; nothing was run`);
      const refusedSandbox = await run(['run', '--env-file', productionFile, '--', ...markerChild(marker)]);
      expect(refusedSandbox.code).toBe(2);
      expect(refusedSandbox.stderr).toContain(`XORA_KEY (${productionFile}:1): keyturn://xora/acme/main/ci is a sandbox key, but ${productionFile}:2 declares environment=production`);
      const conflict = await run(['run', '--env-file', sandboxFile, '--env-file', productionFile, '--', ...markerChild(marker)]);
      expect(conflict.code).toBe(2);
      expect(conflict.stderr).toContain(`${sandboxFile}:1 declares environment=sandbox but ${productionFile}:2 declares environment=production`);
      const malformed = join(home, 'malformed.env');
      writeFileSync(malformed, '# keyturn: environment=prod\n');
      expect((await run(['run', '--env-file', malformed, '--', ...markerChild(marker)])).stderr).toContain(`${malformed}:1: "# keyturn: environment=prod" must be environment=sandbox or environment=production`);
      expect(existsSync(marker)).toBe(false);

      // The option wins over the file's declaration.
      expect((await run(['run', '--environment', 'production', '--env-file', sandboxFile, '--', ...markerChild(marker)])).code).toBe(0);
      expect(existsSync(marker)).toBe(true);
    });
  });

  describe('references that cannot be resolved stop the run before the command starts', () => {
    it('forbids a reference to a missing key, a revoked key, another vault’s key id and a malformed reference (exit 2, naming the variable and file line)', async () => {
      const { home, run } = await twoKeyHome();
      const marker = join(home, 'ran');
      // A key of another vault, by its id.
      const other = tempHome();
      const otherRun = cliFor(other);
      await otherRun(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production']);
      await otherRun(['key', 'add', 'nora/acme/live', 'backend', '--no-verify'], sampleKeys.nora('production'));
      const otherId = (JSON.parse((await otherRun(['key', 'list', '--json'])).stdout) as { id: string }[])[0]?.id as string;
      expect(otherId).toMatch(/\w/);
      // A revoked key, as a revocation leaves it.
      await run(['key', 'add', 'nora/acme/live', 'gone', '--no-verify'], sampleKeys.nora('production'));
      await new ConfMetadataStore(home, { vaultId: vaultIdOf(home) }).update((doc) => ({
        doc: { ...doc, keys: doc.keys.map((k) => (k.name === 'gone' ? { ...k, status: 'revoked' as const } : k)) },
        result: undefined,
      }));

      const cases: [string, RegExp][] = [
        ['keyturn://nora/acme/live/frontend', /names a key this vault does not have/],
        ['keyturn://nora/acme/nowhere/backend', /names an instance this vault does not have/],
        ['keyturn://nora/acme/live/gone', /keyturn:\/\/nora\/acme\/live\/gone was revoked; nothing was run/],
        [`keyturn://id/${otherId}`, /names a key id this vault does not have/],
        ['keyturn://nora/acme', /"keyturn:\/\/nora\/acme" is not a reference/],
      ];
      for (const [reference, said] of cases) {
        const envFile = join(home, 'bad.env');
        // A good reference first: nothing is read or run while any other is bad.
        writeFileSync(envFile, `GOOD=keyturn://nora/acme/live/backend\nexport BAD='${reference}'\n`);
        const refused = await run(['run', '--env-file', envFile, '--', ...markerChild(marker)]);
        expect(refused.code, reference).toBe(2);
        expect(refused.stderr).toContain(`BAD (${envFile}:2): `);
        expect(refused.stderr).toMatch(said);
        expect(refused.stdout).toBe('');
      }
      const bareMissing = await run(['run', '--env', 'BAD=nora/acme/live/frontend', '--', ...markerChild(marker)]);
      expect(bareMissing.code).toBe(2);
      expect(bareMissing.stderr).toContain('BAD (--env): keyturn://nora/acme/live/frontend names a key this vault does not have');
      expect(existsSync(marker)).toBe(false);
      // No key was handed out: the audit holds no run.
      expect(JSON.parse((await run(['log', 'show', '--json'])).stdout).filter((e: { action: string }) => e.action === 'key.run')).toEqual([]);
    });

    it('forbids an env file that cannot be read (exit 2, nothing run)', async () => {
      const { home, run } = await twoKeyHome();
      const marker = join(home, 'ran');
      const missing = await run(['run', '--env-file', join(home, 'nope.env'), '--', ...markerChild(marker)]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain(`cannot read --env-file ${join(home, 'nope.env')} (no such file); nothing was run`);
      const folder = await run(['run', '--env-file', home, '--', ...markerChild(marker)]);
      expect(folder.code).toBe(2);
      expect(existsSync(marker)).toBe(false);
    });
  });

  it('audits each key handed out once, as key.run', async () => {
    const { home, run } = await twoKeyHome();
    const envFile = join(home, 'app.env');
    writeFileSync(envFile, 'A=keyturn://nora/acme/live/backend\nB=keyturn://nora/acme/live/backend\nC=keyturn://xora/acme/main/ci\n');
    expect((await run(['run', '--quiet', '--env-file', envFile, '--', process.execPath, '-e', '0'])).code).toBe(0);
    const keys = JSON.parse((await run(['key', 'list', '--json'])).stdout) as { id: string; ref: string }[];
    const entries = (JSON.parse((await run(['log', 'show', '--json'])).stdout) as { action: string; keyId?: string }[]).filter((e) => e.action === 'key.run');
    expect(entries.map((e) => e.keyId).sort()).toEqual(keys.map((k) => k.id).sort());
  });
});
