import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../electron/core/crypto/fingerprint.js';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';

const schema = JSON.parse(readFileSync('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', 'utf8')) as object;
// The schema's language pattern is not valid under the u flag (a stray bracket): compiled as plain regular expressions.
const validateSarif = addFormats(new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })).compile(schema);

interface JsonFinding {
  file: string;
  path: string;
  line: number;
  column: number;
  endColumn: number;
  variable: string | null;
  providerId: string | null;
  environment: string | null;
  maskedKey: string;
  fingerprint: string;
  match: { ref: string; environment: string; status: string; maskedKey: string } | null;
  inVault: string | null;
  commit: null;
}
interface ScanJson {
  kind: string;
  root: string;
  findings: JsonFinding[];
  references: unknown[];
  baselined: number;
  counts: { keys: number; places: number; inVault: number; files: number; commits: number };
}

/**
 * A vault holding a Nora production and a Nora sandbox key, and a project holding them (the
 * production one twice), a Nora live key and a Xora key the vault does not hold, and text that only
 * looks like keys.
 */
async function projectWithKeys() {
  const home = tempHome();
  const run = cliFor(home);
  await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production']);
  await run(['instance', 'add', 'nora', 'acme', 'test', '--env', 'sandbox']);
  const keys = { live: sampleKeys.nora('production'), test: sampleKeys.nora('sandbox'), strayLive: sampleKeys.nora('production'), xora: sampleKeys.xora() };
  expect((await run(['key', 'add', 'nora/acme/live', 'backend', '--no-verify'], keys.live)).code).toBe(0);
  expect((await run(['key', 'add', 'nora/acme/test', 'ci', '--no-verify'], keys.test)).code).toBe(0);
  const project = join(home, 'project');
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(join(project, 'src', 'app.ts'), `import x from 'y';\nconst key = "${keys.live}";\n`);
  writeFileSync(join(project, '.env'), `NORA_KEY=${keys.live}\nPORT=8080\n`);
  writeFileSync(join(project, 'config.json'), JSON.stringify({ sandbox: keys.test, other: keys.strayLive }, null, 2));
  writeFileSync(join(project, 'notes.md'), `# Notes\n\nThe xora key: ${keys.xora}\n`);
  // Looks like keys, is none: a UUID, a hash, the prefix in prose, a documented example key.
  writeFileSync(join(project, 'README.md'), `id 123e4567-e89b-12d3-a456-426614174000\nsha ${fingerprintOf('x')}\nNora live keys start with sk_live_ and are secret.\nXORA_API_KEY=nte_your_api_key_here\n`);
  return { home, run, project, keys };
}

function expectNoSecret(text: string, keys: Record<string, string>): void {
  for (const secret of Object.values(keys)) expect(text).not.toContain(secret);
}

describe('keyturn scan PATH: every text file, findings grouped by key', () => {
  it('exits 0 and says so when nothing is found, false positives included (a UUID, a hash, a prefix in prose, an example key)', async () => {
    const { run, project } = await projectWithKeys();
    const clean = join(project, 'clean');
    mkdirSync(clean);
    writeFileSync(join(clean, 'README.md'), readFileSync(join(project, 'README.md')));
    const result = await run(['scan', clean]);
    expect([result.code, result.stdout, result.stderr]).toEqual([0, 'no provider keys found\n', '']);
  });

  it('names vault matches first (production, then sandbox) with their environment and status, then unknown keys by provider, each with its places and the next safe action; exit 1', async () => {
    const { run, project, keys } = await projectWithKeys();
    const result = await run(['scan', project]);
    expect(result.code, result.stderr).toBe(1);
    expectNoSecret(result.stdout + result.stderr, keys);
    const blocks = result.stdout.split('\n\n');
    expect(blocks[0]).toMatch(/^nora\/acme\/live\/backend {2}PRODUCTION {2}active {2}sk_live_\S+…\n {2}\.env:1:10 {2}NORA_KEY\n {2}src\/app\.ts:2:14\n {2}next: remove it from the file; it is in your vault as nora\/acme\/live\/backend \(PRODUCTION, active\); if it was ever pushed, run keyturn revoke --leaked$/);
    expect(blocks[1]).toMatch(/^nora\/acme\/test\/ci {2}SANDBOX {2}active {2}sk_test_\S+…\n {2}config\.json:2:15\n {2}next: remove it from the file; it is in your vault as nora\/acme\/test\/ci \(SANDBOX, active\)/);
    expect(blocks[2]).toMatch(/^Nora production key, not in your vault {2}sk_live_\S+…\n {2}config\.json:3:13\n {2}next: revoke it at Nora: https:\/\/\S+\n {10}- Set the instance picker at the top to production \(live\)\n[\s\S]*\n {8}or take it into your vault: keyturn scan \S+project --import$/);
    expect(blocks[3]).toMatch(/^Xora key, not in your vault {2}nte_\S+…\n {2}notes\.md:3:15\n {2}next: revoke it at Xora: /);
    expect(result.stdout).toMatch(/\n4 keys in 5 places \(2 in your vault\); 0 accepted by the baseline\n$/);
  });

  it('--json: the scan\'s kind, root and counts, each finding with its place, provider, masked key, fingerprint and vault match', async () => {
    const { run, project, keys } = await projectWithKeys();
    const result = await run(['scan', project, '--json']);
    expect(result.code, result.stderr).toBe(1);
    expectNoSecret(result.stdout, keys);
    const json = JSON.parse(result.stdout) as ScanJson;
    expect([json.kind, json.root, json.references, json.baselined]).toEqual(['tree', project, [], 0]);
    expect(json.counts).toEqual({ keys: 4, places: 5, inVault: 2, files: 5, commits: 0 });
    expect(json.findings.map((f) => [f.path, f.line, f.inVault, f.providerId])).toEqual([
      ['.env', 1, 'nora/acme/live/backend', 'nora'],
      ['src/app.ts', 2, 'nora/acme/live/backend', 'nora'],
      ['config.json', 2, 'nora/acme/test/ci', 'nora'],
      ['config.json', 3, null, 'nora'],
      ['notes.md', 3, null, 'xora'],
    ]);
    const [first] = json.findings;
    expect(first).toMatchObject({ file: join(project, '.env'), column: 10, endColumn: 10 + keys.live.length, variable: 'NORA_KEY', environment: 'production', fingerprint: fingerprintOf(keys.live), commit: null });
    expect(first?.match).toMatchObject({ ref: 'nora/acme/live/backend', environment: 'production', status: 'active' });
  });

  it('--sarif: valid SARIF 2.1.0 with one result per place and no secret', async () => {
    const { run, project, keys } = await projectWithKeys();
    const result = await run(['scan', project, '--sarif']);
    expect(result.code, result.stderr).toBe(1);
    expectNoSecret(result.stdout, keys);
    const log = JSON.parse(result.stdout) as { runs: { results: { ruleId: string; partialFingerprints: Record<string, string> }[]; tool: { driver: { version?: string } } }[] };
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(log.runs[0]?.results.map((r) => r.ruleId)).toEqual(['keyturn/nora', 'keyturn/nora', 'keyturn/nora', 'keyturn/nora', 'keyturn/xora']);
    expect(log.runs[0]?.tool.driver.version).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });

  it('records one audit entry per scan, and no secret reaches the audit log or vault.json', async () => {
    const { home, run, project, keys } = await projectWithKeys();
    const lines = () => readFileSync(join(home, 'audit.log'), 'utf8').trim().split('\n');
    const before = lines().length;
    await run(['scan', project]);
    await run(['scan', project, '--json']);
    const added = lines().slice(before).map((l) => JSON.parse(l) as { action: string; detail?: string });
    expect(added.map((e) => e.action)).toEqual(['scan.tree', 'scan.tree']);
    expectNoSecret(readFileSync(join(home, 'audit.log'), 'utf8'), keys);
    expectNoSecret(readFileSync(join(home, 'vault.json'), 'utf8'), keys);
  });
});

describe('keyturn scan: the baseline', () => {
  it('--write-baseline accepts every finding (exit 0); the next scan is silent (exit 0), even after lines are added above a key', async () => {
    const { run, project, keys } = await projectWithKeys();
    const written = await run(['scan', project, '--write-baseline', join(project, '.keyturnignore')]);
    expect([written.code, written.stdout], written.stderr).toEqual([0, `wrote 5 accepted finding(s) to ${join(project, '.keyturnignore')}\n`]);
    const text = readFileSync(join(project, '.keyturnignore'), 'utf8');
    expectNoSecret(text, keys);
    expect(text).toContain(`${fingerprintOf(keys.live)} src/app.ts\n`);

    const silent = await run(['scan', project]);
    expect([silent.code, silent.stdout]).toEqual([0, 'no provider keys found; 5 accepted by the baseline\n']);
    writeFileSync(join(project, 'src', 'app.ts'), `// a new first line\n\n${readFileSync(join(project, 'src', 'app.ts'), 'utf8')}`);
    expect((await run(['scan', project])).code).toBe(0);
  });

  it('the same key in another file is still reported, alone', async () => {
    const { run, project, keys } = await projectWithKeys();
    await run(['scan', project, '--write-baseline', join(project, '.keyturnignore')]);
    writeFileSync(join(project, 'src', 'copy.ts'), `export const k = '${keys.live}';\n`);
    const result = await run(['scan', project, '--json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as ScanJson;
    expect(json.findings.map((f) => [f.path, f.inVault])).toEqual([['src/copy.ts', 'nora/acme/live/backend']]);
    expect(json.baselined).toBe(5);
    expect((await run(['scan', project])).stdout).toMatch(/\n1 key in 1 place \(1 in your vault\); 5 accepted by the baseline\n$/);
  });

  it('--baseline FILE is read instead of .keyturnignore, and writing it again keeps the reasons it gives', async () => {
    const { home, run, project, keys } = await projectWithKeys();
    const file = join(home, 'accepted.txt');
    await run(['scan', project, '--write-baseline', file]);
    const withReason = readFileSync(file, 'utf8').replace(`${fingerprintOf(keys.xora)} notes.md`, `${fingerprintOf(keys.xora)} notes.md # a revoked demo key`);
    writeFileSync(file, withReason);
    expect((await run(['scan', project, '--baseline', file])).code).toBe(0);
    expect((await run(['scan', project])).code).toBe(1);
    writeFileSync(join(project, 'more.txt'), `${keys.test}\n`);
    expect((await run(['scan', project, '--baseline', file, '--write-baseline', file])).code).toBe(0);
    const rewritten = readFileSync(file, 'utf8');
    expect(rewritten).toContain(`${fingerprintOf(keys.xora)} notes.md # a revoked demo key\n`);
    expect(rewritten).toContain(`${fingerprintOf(keys.test)} more.txt\n`);
  });

  it('a malformed line is refused (exit 2), naming its line; a named baseline that is missing too', async () => {
    const { home, run, project } = await projectWithKeys();
    writeFileSync(join(project, '.keyturnignore'), `# accepted\n${'a'.repeat(64)} src/app.ts\nnot a line\n`);
    const refused = await run(['scan', project]);
    expect([refused.code, refused.stdout]).toEqual([2, '']);
    expect(refused.stderr).toBe(`keyturn: line 3 of ${join(project, '.keyturnignore')} is not "FINGERPRINT PATH [# reason]": it does not start with a fingerprint (64 lowercase hexadecimal characters)\n`);
    const missing = await run(['scan', project, '--baseline', join(home, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/the baseline .*nope could not be read \(ENOENT\)/);
  });

  it('rewriting it drops the lines of files read again without their key, and keeps those of files the scan did not read', async () => {
    const { run, project, keys } = await projectWithKeys();
    const file = join(project, '.keyturnignore');
    await run(['scan', project, '--write-baseline', file]);
    writeFileSync(join(project, 'src', 'app.ts'), 'const key = process.env.NORA_KEY;\n');
    writeFileSync(join(project, 'src', 'new.ts'), `const k = '${keys.xora}';\n`);
    // notes.md is no longer read: its accepted line stays.
    writeFileSync(join(project, '.gitignore'), 'notes.md\n');
    const rewritten = await run(['scan', project, '--write-baseline', file]);
    expect(rewritten.stdout).toBe(`wrote 5 accepted finding(s) to ${file}\n`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`${fingerprintOf(keys.xora)} notes.md\n`);
    expect(text).toContain(`${fingerprintOf(keys.xora)} src/new.ts\n`);
    expect(text).not.toContain(' src/app.ts');
    expect((await run(['scan', project])).code).toBe(0);
  });

  it('a path with spaces is quoted in the baseline, and matched', async () => {
    const { run, project } = await projectWithKeys();
    mkdirSync(join(project, 'my dir'));
    writeFileSync(join(project, 'my dir', 'a b.env'), `K=${sampleKeys.xora()}\n`);
    await run(['scan', project, '--write-baseline', join(project, '.keyturnignore')]);
    expect(readFileSync(join(project, '.keyturnignore'), 'utf8')).toMatch(/ "my dir\/a b\.env"\n/);
    expect((await run(['scan', project])).code).toBe(0);
  });
});

describe('keyturn scan: choices that do not go together exit 2', () => {
  const cases: [string[], RegExp][] = [
    [['--git', '--staged'], /--git, --staged and --pushed each scan something else/],
    [['--json', '--sarif'], /--json and --sarif are two formats/],
    [['--git', '--import'], /--import takes keys from the files of a folder/],
    [['--since', 'HEAD~1'], /--since is where a history scan starts: add --git/],
    [['--staged', '--verify'], /--verify asks each provider over the network: not with --staged or --pushed/],
    [['--import', '--write-baseline', 'x'], /--write-baseline records findings as accepted/],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const home = tempHome();
      const result = await cliFor(home)(['scan', home, ...args]);
      expect([result.code, result.stdout]).toEqual([2, '']);
      expect(result.stderr).toMatch(message);
    });
  }

  it('appends no audit entry for a refused scan', async () => {
    const { home, run, project } = await projectWithKeys();
    appendFileSync(join(home, 'audit.log'), '');
    const before = readFileSync(join(home, 'audit.log'), 'utf8');
    expect((await run(['scan', project, '--json', '--sarif'])).code).toBe(2);
    expect(readFileSync(join(home, 'audit.log'), 'utf8')).toBe(before);
  });
});
