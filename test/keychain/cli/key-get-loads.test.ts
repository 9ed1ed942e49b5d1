import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliFor } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';

const root = process.cwd();

/** Runs the built CLI and returns the sources (from the bundle's metafile) of every file it loaded. */
async function sourcesLoadedBy(argv: string[]): Promise<{ code: number | null; stdout: string; files: string[]; sources: string[] }> {
  const list = join(tempHome(), 'loaded.txt');
  writeFileSync(list, '');
  const child = spawn(process.execPath, ['--import', pathToFileURL(join(root, 'test/support/record-loaded-modules.mjs')).href, 'bin/keyturn.mjs', ...argv], {
    env: { ...process.env, KEYTURN_LOADED_MODULES_FILE: list },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const meta = JSON.parse(readFileSync(join(root, 'dist/cli/meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  const outputs = readFileSync(list, 'utf8').split('\n').filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url).slice(root.length + 1));
  const loaded = outputs.filter((file) => file.startsWith('dist/cli/'));
  expect(loaded).toContain('dist/cli/keyturn.mjs');
  return { code, stdout, files: loaded, sources: loaded.flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {})) };
}

// What `keyturn key get` must not parse at start: it reads one secret. A concern's Node-bound files
// live under electron/core/node/<concern>/, so each pattern names both halves. (node dist/cli/keyturn.mjs as
// built by scripts/build-cli.mjs, which "npm test" runs first.)
const NOT_FOR_KEY_GET = [
  /node_modules\/undici\//, // the HTTP client: key get sends no request
  /node_modules\/(conf|ajv)\//, // the writer of vault.json: key get writes none
  /node_modules\/@inquirer\//, // terminal prompts
  /node_modules\/(ics|csv-stringify)\//, // the audit report's writers
  /node_modules\/zod\//, // the schemas: the record read is one the last write checked whole
  /^electron\/core\/domain\/model\.ts$/, // the document's schemas (its types cost nothing at run time)
  /^electron\/core\/(node\/)?store\/(parse-document|conf-metadata-store)\.ts$/, // the store's record-by-record reader and its writer
  /^electron\/core\/(node\/)?(rotation|providers|targets|verify|policy)\//, // the rest of the vault: rotation, provider calls, swap targets
  /^electron\/core\/(node\/)?vault\/vault\.ts$/,
  /^electron\/core\/(node\/)?open-core\.ts$/, // the core graph: key get runs on the ports alone
  /^electron\/cli\/commands\/(?!(key-get|read)\.ts$)/, // every other command, the other key commands included (read is key get by reference, in the same file)
  /^electron\/(web|app|contract)\//, // browser mode and the app's handlers
  /^electron\/core\/(node\/)?(scan|emergency|reminders)\//,
  /^electron\/cli\/problems\//, // the terminal's wording of every problem: loaded when there is one to report
  /node_modules\/(pg|pg-[a-z-]+|pgpass|postgres-[a-z-]+)\//, // the PostgreSQL client: key get never delivers to the team
  /^electron\/core\/(node\/)?team\//, // the team inventory, its outbox and its database
  /^electron\/cli\/team\//, // the CLI's team parts (the delivery after a change among them)
];

describe('keyturn key get', () => {
  it('loads only what reading one secret needs: no schemas (zod), no HTTP client, no vault writer, no rotation, no prompts, no browser mode', async () => {
    const home = tempHome();
    const run = cliFor(home);
    const secret = sampleKeys.xora();
    expect((await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
    expect((await run(['key', 'add', 'xora/acme/main', 'ci'], secret)).code).toBe(0);

    const got = await sourcesLoadedBy(['--home', home, 'key', 'get', 'xora/acme/main/ci']);
    expect(got).toMatchObject({ code: 0, stdout: `${secret}\n` });
    expect(got.sources).toContain('electron/cli/commands/key-get.ts');
    // One file of the bundle: each chunk more is a resolve, a read and a compile at every start.
    expect(got.files).toEqual(['dist/cli/keyturn.mjs']);
    for (const unwanted of NOT_FOR_KEY_GET) expect(got.sources.filter((source) => unwanted.test(source)), String(unwanted)).toEqual([]);
  });

  it('reads a vault.json the last write did not check (a hand edit) through the store, every record checked', async () => {
    const home = tempHome();
    const run = cliFor(home);
    const secret = sampleKeys.xora();
    expect((await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
    expect((await run(['key', 'add', 'xora/acme/main', 'ci', '--no-verify'], secret)).code).toBe(0);
    const file = join(home, 'vault.json');
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8')), null, 2));

    const got = await sourcesLoadedBy(['--home', home, 'key', 'get', 'xora/acme/main/ci']);
    expect(got).toMatchObject({ code: 0, stdout: `${secret}\n` });
    expect(got.sources).toContain('electron/core/store/parse-document.ts');
  });

  it('help still lists every command (all command modules are loaded for it)', async () => {
    const help = await sourcesLoadedBy(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['instance', 'key', 'provider', 'target', 'rotate', 'rotation', 'revoke', 'run', 'scan', 'web', 'audit', 'log', 'policy', 'vault', 'team']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });
});
