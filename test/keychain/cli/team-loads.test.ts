import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../../support/temp-home.js';

const root = process.cwd();

/** The sources (from the bundle's metafile) of every file of dist/cli the built CLI loaded for these arguments. */
async function sourcesLoadedBy(argv: string[]): Promise<{ code: number | null; stderr: string; sources: string[] }> {
  const list = join(tempHome(), 'loaded.txt');
  writeFileSync(list, '');
  const child = spawn(process.execPath, ['--import', pathToFileURL(join(root, 'test/support/record-loaded-modules.mjs')).href, 'bin/keyturn.mjs', ...argv], {
    env: { ...process.env, KEYTURN_LOADED_MODULES_FILE: list },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const meta = JSON.parse(readFileSync(join(root, 'dist/cli/meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  const loaded = readFileSync(list, 'utf8').split('\n').filter((url) => url.startsWith('file:')).map((url) => fileURLToPath(url).slice(root.length + 1)).filter((file) => file.startsWith('dist/cli/'));
  return { code, stderr, sources: loaded.flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {})) };
}

describe('a vault not joined to a team', () => {
  it('a change loads neither the PostgreSQL client nor the team service: nothing is delivered, so nothing of it is parsed', async () => {
    const home = tempHome();
    const added = await sourcesLoadedBy(['--home', home, 'instance', 'add', 'xora', 'acme', 'main', '--env', 'sandbox']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.sources).toContain('electron/cli/commands/instance.ts');
    expect(added.sources.filter((s) => /node_modules\/pg(-[a-z-]+)?\//.test(s))).toEqual([]);
    expect(added.sources.filter((s) => /^electron\/cli\/team\/|^electron\/core\/node\/team\/(open-team|pg\/)/.test(s))).toEqual([]);
  });
});

describe('the built CLI joins a team', () => {
  it('sets up a team, invites a member and joins as that member end to end from the bundle (its CommonJS parts find __filename there)', async () => {
    const { freshTeamDatabase } = await import('../../support/team-database.js');
    const { runBuiltCli } = await import('../../support/cli.js');
    const { adminUrl, suffix } = await freshTeamDatabase('built');
    const team = `b${suffix}`;
    const admin = tempHome();
    const member = tempHome();
    const init = await runBuiltCli(['--home', admin, 'team', 'init', adminUrl, '--team', team], process.env);
    expect(init.code, init.stderr).toBe(0);
    const invite = await runBuiltCli(['--home', admin, 'team', 'invite', 'ana', '--json'], process.env);
    expect(invite.code, invite.stderr).toBe(0);
    const { url } = JSON.parse(invite.stdout) as { url: string };
    const connect = await runBuiltCli(['--home', member, 'team', 'connect', url, '--team', team], process.env);
    expect(connect.code, connect.stderr).toBe(0);
    const status = await runBuiltCli(['--home', member, 'team', 'status', '--json'], process.env);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ connected: true, team, member: 'ana', reachable: true, waiting: { keys: 0, auditEntries: 0 } });
  });
});
