import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { cliFor, runBuiltCli } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';

// These run against electron/core/node/git (scanHistory, scanStaged, scanPushed, repositoryRoot).

const schema = JSON.parse(readFileSync('node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', 'utf8')) as object;
const validateSarif = addFormats(new Ajv({ allErrors: true, strict: false, unicodeRegExp: false })).compile(schema);

interface GitJsonFinding {
  path: string;
  line: number;
  inVault: string | null;
  providerId: string | null;
  commit: { sha: string; authorDate: string; atHead: boolean } | null;
}
interface GitJson {
  kind: string;
  root: string;
  findings: GitJsonFinding[];
  baselined: number;
  counts: { keys: number; places: number; inVault: number; files: number; commits: number };
}

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_DATE: '2026-11-30T10:00:00Z', GIT_COMMITTER_DATE: '2026-11-30T10:00:00Z' } }).trim();
}

function commitAll(repo: string, message: string): string {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
  return git(repo, 'rev-parse', 'HEAD');
}

/** The sources (from the bundle's metafile) of every file the built CLI loaded for these arguments. */
async function sourcesLoadedBy(argv: string[]): Promise<{ code: number | null; sources: string[] }> {
  const root = process.cwd();
  const list = join(tempHome(), 'loaded.txt');
  writeFileSync(list, '');
  const child = spawn(process.execPath, ['--import', pathToFileURL(join(root, 'test/support/record-loaded-modules.mjs')).href, 'bin/keyturn.mjs', ...argv], {
    env: { ...process.env, KEYTURN_LOADED_MODULES_FILE: list },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const meta = JSON.parse(readFileSync(join(root, 'dist/cli/meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  const loaded = readFileSync(list, 'utf8').split('\n').filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url).slice(root.length + 1)).filter((file) => file.startsWith('dist/cli/'));
  expect(loaded).toContain('dist/cli/keyturn-scan-hook.mjs');
  return { code, sources: loaded.flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {})) };
}

// What a hook's scan must not parse: it reads metadata and writes one audit entry.
const NOT_FOR_A_HOOK = [
  /node_modules\/undici\//, // the HTTP client: no provider is asked
  /node_modules\/(conf|ajv)\//, // the writer of vault.json
  /node_modules\/@inquirer\//, // terminal prompts
  /^electron\/core\/(node\/)?vault\/vault\.ts$/, // the vault and its writes
  /^electron\/core\/(node\/)?open-core\.ts$/,
  /^electron\/core\/(node\/)?rotation\//, // rotations (the swap targets' kinds come with the document's types, through the providers)
  /^electron\/core\/node\/store\/conf-metadata-store\.ts$/, // the store: the vault.json read is the one the last write checked
  /^electron\/cli\/commands\/(?!(key-get|read)\.ts$)/, // every command module, scan's included (key get and read are the entry's own)
  /^electron\/(web|app|contract)\//,
];

/** A vault with one Nora production key, and a git repository in the home. */
async function vaultAndRepo() {
  const home = tempHome();
  const run = cliFor(home);
  await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production']);
  const stored = sampleKeys.nora('production');
  expect((await run(['key', 'add', 'nora/acme/live', 'backend', '--no-verify'], stored)).code).toBe(0);
  const repo = join(home, 'repo');
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 'dev@example.test');
  git(repo, 'config', 'user.name', 'Dev');
  git(repo, 'config', 'commit.gpgsign', 'false');
  writeFileSync(join(repo, 'README.md'), '# app\n');
  const first = commitAll(repo, 'first');
  return { home, run, repo, stored, first };
}

describe('keyturn scan --git: every line every commit added', () => {
  it('finds a vault key added then removed, with its commit and "removed since", and says to rotate it (exit 1)', async () => {
    const { home, run, repo, stored } = await vaultAndRepo();
    writeFileSync(join(repo, 'config.ts'), `export const key = '${stored}';\n`);
    const added = commitAll(repo, 'add the key');
    writeFileSync(join(repo, 'config.ts'), 'export const key = process.env.NORA_KEY;\n');
    commitAll(repo, 'remove the key');
    const unknown = sampleKeys.xora();
    writeFileSync(join(repo, 'notes.md'), `${unknown}\n`);
    commitAll(repo, 'notes');

    const result = await run(['scan', '--git', repo]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout + result.stderr).not.toContain(stored);
    expect(result.stdout + result.stderr).not.toContain(unknown);
    expect(result.stdout).toMatch(new RegExp(`^nora/acme/live/backend {2}PRODUCTION {2}active {2}sk_live_\\S+…\\n {2}config\\.ts:1:21 {2}commit ${added.slice(0, 10)} 2026-11-30 {2}\\(removed since\\)\\n {2}next: it was committed \\(it is in your vault as nora/acme/live/backend \\(PRODUCTION, active\\)\\), so rotate it: keyturn rotate nora/acme/live/backend\\n {8}or revoke it now: keyturn revoke --leaked\\n`));
    expect(result.stdout).toMatch(/\nXora key, not in your vault {2}nte_\S+…\n {2}notes\.md:1:1 {2}commit [0-9a-f]{10} 2026-11-30\n {2}next: it was committed: treat it as leaked\n/);
    expect(result.stdout).toMatch(/\n2 keys in 2 places \(1 in your vault\); 0 accepted by the baseline\n$/);
    expect(readFileSync(join(home, 'audit.log'), 'utf8')).toContain('"action":"scan.history"');

    const json = JSON.parse((await run(['scan', '--git', repo, '--json'])).stdout) as GitJson;
    expect(json.kind).toBe('history');
    expect(json.findings.map((f) => [f.path, f.inVault, f.commit?.sha, f.commit?.atHead])).toEqual([
      ['config.ts', 'nora/acme/live/backend', added, false],
      ['notes.md', null, expect.stringMatching(/^[0-9a-f]{40}$/), true],
    ]);
    expect(json.counts.commits).toBe(4);

    const sarif = await run(['scan', '--git', repo, '--sarif']);
    const log = JSON.parse(sarif.stdout) as { runs: { results: { properties?: { commit: string; atHead: boolean } }[] }[] };
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(log.runs[0]?.results[0]?.properties).toMatchObject({ commit: added, atHead: false });
    expect(sarif.stdout).not.toContain(stored);
  });

  it('--since REV reads only the commits after it; a revision git does not know is bad input (exit 2)', async () => {
    const { run, repo, stored } = await vaultAndRepo();
    writeFileSync(join(repo, 'old.env'), `K=${stored}\n`);
    const old = commitAll(repo, 'old');
    writeFileSync(join(repo, 'new.env'), `K=${sampleKeys.xora()}\n`);
    commitAll(repo, 'new');
    const since = JSON.parse((await run(['scan', '--git', repo, '--since', old, '--json'])).stdout) as GitJson;
    expect(since.findings.map((f) => f.path)).toEqual(['new.env']);
    const bad = await run(['scan', '--git', repo, '--since', 'no-such-revision']);
    expect([bad.code, bad.stdout]).toEqual([2, '']);
  });

  it('a folder in no repository is bad input for --git and --staged (exit 2)', async () => {
    const home = tempHome();
    for (const flag of ['--git', '--staged']) {
      const result = await cliFor(home)(['scan', flag, home]);
      expect([result.code, result.stdout], result.stderr).toEqual([2, '']);
    }
  });

  it('the baseline at the repository\'s root accepts a history finding by the path in its commit', async () => {
    const { run, repo, stored } = await vaultAndRepo();
    writeFileSync(join(repo, 'fixture.env'), `K=${stored}\n`);
    commitAll(repo, 'fixture');
    expect((await run(['scan', '--git', repo, '--write-baseline', join(repo, '.keyturnignore')])).code).toBe(0);
    expect((await run(['scan', '--git', repo])).code).toBe(0);
    // A folder scan of a subfolder reads the same baseline, with paths from the repository's root.
    mkdirSync(join(repo, 'sub'));
    writeFileSync(join(repo, 'sub', 'a.env'), `K=${stored}\n`);
    expect((await run(['scan', join(repo, 'sub')])).code).toBe(1);
    expect((await run(['scan', join(repo, 'sub'), '--write-baseline', join(repo, '.keyturnignore')])).code).toBe(0);
    expect(readFileSync(join(repo, '.keyturnignore'), 'utf8')).toMatch(/ sub\/a\.env\n/);
    expect((await run(['scan', join(repo, 'sub')])).code).toBe(0);
  });
});

describe('keyturn scan --staged: what `git commit` would record', () => {
  it('refuses a commit with a key: the report on stderr with the next safe action, exit 1; the vault is not written', async () => {
    const { home, run, repo, stored } = await vaultAndRepo();
    writeFileSync(join(repo, 'app.ts'), `const k = "${stored}";\n`);
    git(repo, 'add', 'app.ts');
    const vaultBefore = readFileSync(join(home, 'vault.json'), 'utf8');
    const result = await run(['scan', '--staged', repo]);
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toMatch(/^nora\/acme\/live\/backend {2}PRODUCTION {2}active {2}sk_live_\S+…\n {2}app\.ts:1:12\n {2}next: remove it from the file; it is in your vault as nora\/acme\/live\/backend \(PRODUCTION, active\); if it was ever pushed, run keyturn revoke --leaked\n/);
    expect(result.stderr).toMatch(/\ncommit refused: remove these keys from the staged files \(accept a finding with keyturn scan --staged --write-baseline \.keyturnignore\)\n$/);
    expect(result.stderr).not.toContain(stored);
    expect(readFileSync(join(home, 'vault.json'), 'utf8')).toBe(vaultBefore);
    expect(readFileSync(join(home, 'audit.log'), 'utf8')).toContain('"action":"scan.staged"');
  });

  it('passes (exit 0) once the finding is in the baseline, and when nothing staged holds a key', async () => {
    const { run, repo, stored } = await vaultAndRepo();
    writeFileSync(join(repo, 'clean.ts'), 'export const port = 8080;\n');
    git(repo, 'add', 'clean.ts');
    expect(await run(['scan', '--staged', repo])).toMatchObject({ code: 0, stdout: '' });
    writeFileSync(join(repo, 'fixture.env'), `K=${stored}\n`);
    git(repo, 'add', 'fixture.env');
    expect((await run(['scan', '--staged', repo])).code).toBe(1);
    expect((await run(['scan', '--staged', repo, '--write-baseline', join(repo, '.keyturnignore')])).code).toBe(0);
    expect((await run(['scan', '--staged', repo])).code).toBe(0);
    // A second accepted key, staged later: the first stays accepted (a staged scan sees only what is staged).
    git(repo, 'commit', '-q', '-m', 'fixture');
    writeFileSync(join(repo, 'other.env'), `K=${sampleKeys.xora()}\n`);
    git(repo, 'add', 'other.env');
    expect((await run(['scan', '--staged', repo, '--write-baseline', join(repo, '.keyturnignore')])).code).toBe(0);
    expect(readFileSync(join(repo, '.keyturnignore'), 'utf8')).toMatch(/ fixture\.env\n[\s\S]* other\.env\n|other\.env\n[\s\S]* fixture\.env\n/);
    git(repo, 'commit', '-q', '-m', 'other');
    expect((await run(['scan', '--git', repo])).code).toBe(0);
  });

  it('the built CLI runs it on its lean path, with the same verdict, loading no vault writer, HTTP client or prompts', async () => {
    const { home, repo, stored } = await vaultAndRepo();
    writeFileSync(join(repo, 'app.ts'), `const k = "${stored}";\n`);
    git(repo, 'add', 'app.ts');
    const result = await runBuiltCli(['--home', home, 'scan', '--staged', repo], process.env);
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toMatch(/^nora\/acme\/live\/backend {2}PRODUCTION/);
    expect(result.stderr).toMatch(/\ncommit refused: /);
    rmSync(join(repo, 'app.ts'));
    git(repo, 'rm', '-q', '--cached', 'app.ts');
    expect((await runBuiltCli(['--home', home, 'scan', '--staged', repo], process.env)).code).toBe(0);

    const loaded = await sourcesLoadedBy(['--home', home, 'scan', '--staged', repo]);
    expect(loaded.code).toBe(0);
    expect(loaded.sources).toContain('electron/cli/scan/run-scan.ts');
    for (const pattern of NOT_FOR_A_HOOK) expect(loaded.sources.filter((s) => pattern.test(s)), String(pattern)).toEqual([]);
  });
});

describe('keyturn scan --staged outside a keychain session (no D-Bus session bus)', () => {
  const { DBUS_SESSION_BUS_ADDRESS: _bus, DISPLAY: _display, ...withoutSession } = process.env;
  it('still gives its verdict: the hook never needs the keychain, and its audit entry is written to the log', async () => {
    const { home, repo, stored } = await vaultAndRepo();
    writeFileSync(join(repo, 'app.ts'), `const k = "${stored}";\n`);
    git(repo, 'add', 'app.ts');
    const result = await runBuiltCli(['--home', home, 'scan', '--staged', repo], withoutSession);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^nora\/acme\/live\/backend {2}PRODUCTION {2}active/);
    expect(result.stderr).toMatch(/\ncommit refused: /);
    expect(readFileSync(join(home, 'audit.log'), 'utf8')).toContain('"action":"scan.staged"');
  });
});

describe('keyturn scan --pushed: the commits a push sends', () => {
  it('reads git\'s pre-push lines on stdin and refuses a push with a key (exit 1)', async () => {
    const { run, repo, stored, first } = await vaultAndRepo();
    writeFileSync(join(repo, 'app.ts'), `const k = "${stored}";\n`);
    const head = commitAll(repo, 'key');
    const result = await run(['scan', '--pushed', repo], `refs/heads/main ${head} refs/heads/main ${first}\n`);
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toMatch(/app\.ts:1:12 {2}commit /);
    expect(result.stderr).toMatch(/\npush refused: /);
    expect(result.stderr).not.toContain(stored);
    const nothing = await run(['scan', '--pushed', repo], `refs/heads/main ${first} refs/heads/main ${first}\n`);
    expect(nothing.code, nothing.stderr).toBe(0);
  });
});
