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
async function sourcesLoadedBy(argv: string[]): Promise<{ code: number | null; stdout: string; sources: string[] }> {
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
  return { code, stdout, sources: loaded.flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {})) };
}

// What `keyturn key get` must not parse at start: it reads one secret. (node dist/cli/keyturn.mjs as
// built by scripts/build-cli.mjs, which "npm test" runs first.)
const NOT_FOR_KEY_GET = [
  /node_modules\/undici\//, // the HTTP client: key get sends no request
  /node_modules\/(conf|ajv)\//, // the writer of vault.json: key get writes none
  /node_modules\/@inquirer\//, // terminal prompts
  /node_modules\/(ics|csv-stringify)\//, // the audit report's writers
  /node_modules\/zod\/v4\/locales\/(?!en\.js)/, // zod's messages in every other language
  /^electron\/(web|app|contract)\//, // browser mode and the app's handlers
  /^electron\/core\/(scan|emergency|reminders)\//,
];

describe('keyturn key get', () => {
  it('loads only what reading one secret needs: no HTTP client, no vault writer, no prompts, no browser mode', async () => {
    const home = tempHome();
    const run = cliFor(home);
    const secret = sampleKeys.xora();
    expect((await run(['instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox'])).code).toBe(0);
    expect((await run(['key', 'add', 'xora/acme/main', 'ci'], secret)).code).toBe(0);

    const got = await sourcesLoadedBy(['--home', home, 'key', 'get', 'xora/acme/main/ci']);
    expect(got).toMatchObject({ code: 0, stdout: `${secret}\n` });
    expect(got.sources).toContain('electron/cli/commands/key.ts');
    for (const unwanted of NOT_FOR_KEY_GET) expect(got.sources.filter((source) => unwanted.test(source)), String(unwanted)).toEqual([]);
  });

  it('help still lists every command (all command modules are loaded for it)', async () => {
    const help = await sourcesLoadedBy(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['instance', 'key', 'provider', 'target', 'rotate', 'rotation', 'revoke', 'run', 'scan', 'web', 'audit', 'log', 'policy', 'vault']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });
});
