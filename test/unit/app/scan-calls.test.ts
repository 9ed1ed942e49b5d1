import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppCore, type AppCore } from '../../../electron/app/app-core.js';
import { dispatchCall } from '../../../electron/app/call-dispatch.js';
import { createHandlers } from '../../../electron/app/handlers.js';
import type { EventName } from '../../../electron/contract/names.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';
import { memorySecrets } from './memory-secrets.js';

const opened: AppCore[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
});

// Nothing answers there: a verification cannot judge the key, so it is stored unverified (as Add key does).
const NOBODY = 'http://127.0.0.1:9';

function appOn() {
  const home = tempHome();
  const secrets = memorySecrets();
  const core = openAppCore(home, { name: 'the Keyturn app', secrets, notifier: { notify: () => undefined, setAttentionCount: () => undefined } });
  opened.push(core);
  const events: EventName[] = [];
  const handlers = createHandlers(core, { copy: null, openExternal: async () => false, pickPath: null, emit: (event) => void events.push(event) });
  const call = (name: string, args: unknown = {}) => dispatchCall(handlers, name, args);
  return { home, core, handlers, events, call };
}

/** A vault with one xora production key, and a project holding that key in a .ts file and an unknown one in .env. */
async function projectWithKeys(app: ReturnType<typeof appOn>) {
  await app.handlers['instance.add']({ provider: 'xora', org: 'acme', name: 'main', env: 'production', baseUrl: NOBODY });
  const planted = sampleKeys.xora();
  await app.handlers['key.add']({ instanceRef: 'xora/acme/main', name: 'api', secret: planted, verify: false });
  const unknown = sampleKeys.xora();
  const project = join(app.home, 'project');
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(join(project, 'src', 'client.ts'), `export const client = new Xora({\n  apiKey: '${planted}',\n});\n`);
  writeFileSync(join(project, '.env'), `# local\nXORA_API_KEY=${unknown}\n`);
  app.events.length = 0;
  return { project, planted, unknown };
}

function git(cwd: string, ...args: string[]) {
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.test', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });
}

describe('scan.folder in the app', () => {
  it('finds a vault key in a source file and an unknown key in .env, names the vault one, and never answers with a secret', async () => {
    const app = appOn();
    const { project, planted, unknown } = await projectWithKeys(app);
    const scanned = await app.handlers['scan.folder']({ dir: project, import: false, history: false });
    expect(scanned).toMatchObject({ root: project, gitRepository: false, history: null });
    expect(scanned.findings).toEqual([
      expect.objectContaining({ path: '.env', line: 2, variable: 'XORA_API_KEY', inVault: null, match: null, commit: null }),
      expect.objectContaining({ path: 'src/client.ts', line: 2, variable: null, inVault: 'xora/acme/main/api', match: expect.objectContaining({ ref: 'xora/acme/main/api', environment: 'production', status: 'active' }) }),
    ]);
    const json = JSON.stringify(scanned);
    expect(json).not.toContain(planted);
    expect(json).not.toContain(unknown);
  });

  it('each scan is an audit entry with its counts, and no key in it, masked or not', async () => {
    const app = appOn();
    const { project, planted, unknown } = await projectWithKeys(app);
    await app.handlers['scan.folder']({ dir: project, import: false, history: false });
    await app.core.auditLog.flush();
    const { entries } = await app.handlers['log.show']({ limit: 10 });
    const scanEntry = entries.find((e) => e?.action === 'scan.tree');
    expect(scanEntry).toBeDefined();
    const log = readFileSync(app.core.auditLog.path, 'utf8');
    expect(log).not.toContain(planted);
    expect(log).not.toContain(unknown);
    expect(log).not.toContain(planted.slice(0, 12));
  });

  it('the places a scan found vault keys become their scan sites, shown in the key detail and announced', async () => {
    const app = appOn();
    const { project } = await projectWithKeys(app);
    await app.handlers['scan.folder']({ dir: project, import: false, history: false });
    expect(app.events).toContain('vault.changed');
    const detail = await app.handlers['key.detail']({ ref: 'xora/acme/main/api' });
    expect(detail.scanSites).toEqual([expect.objectContaining({ file: join(project, 'src', 'client.ts'), line: 2 })]);
  });

  it('a folder that is a git repository says so; with history, a key added then removed is found in its commit, removed since', async () => {
    const app = appOn();
    const { project, planted } = await projectWithKeys(app);
    git(project, 'init', '-q');
    git(project, 'add', 'src/client.ts');
    git(project, 'commit', '-q', '-m', 'client');
    writeFileSync(join(project, 'src', 'client.ts'), 'export const client = new Xora({ apiKey: process.env.XORA_API_KEY });\n');
    git(project, 'commit', '-q', '-am', 'key from the environment');
    const sha = execFileSync('git', ['rev-parse', 'HEAD~1'], { cwd: project, encoding: 'utf8' }).trim();

    const tree = await app.handlers['scan.folder']({ dir: project, import: false, history: false });
    expect(tree).toMatchObject({ gitRepository: true, history: null });
    expect(tree.findings.every((f) => f.commit === null)).toBe(true);

    const withHistory = await app.handlers['scan.folder']({ dir: project, import: false, history: true });
    expect(withHistory.history).toEqual({ commits: 2 });
    expect(withHistory.findings.filter((f) => f.commit !== null)).toEqual([
      expect.objectContaining({ path: 'src/client.ts', line: 2, inVault: 'xora/acme/main/api', commit: expect.objectContaining({ sha, atHead: false }) }),
    ]);
    expect(JSON.stringify(withHistory)).not.toContain(planted);
    await app.core.auditLog.flush();
    const { entries } = await app.handlers['log.show']({ limit: 10 });
    expect(entries.map((e) => e?.action)).toContain('scan.history');
  });
});

describe('scan.addFinding: Add to vault', () => {
  it('adds the key the scan found, read again by the host, with its .env file as a swap target, and announces it', async () => {
    const app = appOn();
    const { project, unknown } = await projectWithKeys(app);
    const scanned = await app.handlers['scan.folder']({ dir: project, import: false, history: false });
    const found = scanned.findings.find((f) => f.inVault === null);
    if (!found) throw new Error('the scan found no unknown key');
    app.events.length = 0;
    const added = await app.handlers['scan.addFinding']({ file: found.file, line: found.line, column: found.column, fingerprint: found.fingerprint, instanceRef: 'xora/acme/main', name: 'local' });
    expect(added).toMatchObject({ key: { ref: 'xora/acme/main/local', maskedKey: found.maskedKey }, targets: 1, refusedTargets: [] });
    expect(JSON.stringify(added)).not.toContain(unknown);
    expect(app.events).toContain('vault.changed');
    expect((await app.handlers['key.reveal']({ ref: 'xora/acme/main/local' })).secret).toBe(unknown);
    expect((await app.handlers['key.detail']({ ref: 'xora/acme/main/local' })).targets).toEqual([expect.objectContaining({ kind: 'dotenv', file: join(project, '.env'), variable: 'XORA_API_KEY' })]);
    const again = await app.handlers['scan.folder']({ dir: project, import: false, history: false });
    expect(again.findings.find((f) => f.path === '.env')?.inVault).toBe('xora/acme/main/local');
  });

  it('a key found in a source file is added without a swap target', async () => {
    const app = appOn();
    const { project } = await projectWithKeys(app);
    const other = sampleKeys.xora();
    writeFileSync(join(project, 'src', 'other.ts'), `const key = "${other}";\n`);
    const scanned = await app.handlers['scan.folder']({ dir: project, import: false, history: false });
    const found = scanned.findings.find((f) => f.path === 'src/other.ts');
    if (!found) throw new Error('the scan did not find the key in other.ts');
    const added = await app.handlers['scan.addFinding']({ file: found.file, line: found.line, column: found.column, fingerprint: found.fingerprint, instanceRef: 'xora/acme/main', name: 'other' });
    expect(added).toMatchObject({ key: { ref: 'xora/acme/main/other' }, targets: 0, refusedTargets: [] });
  });

  it('a file that no longer holds that key at that line is refused as scan.finding-gone, and nothing is stored', async () => {
    const app = appOn();
    const { project } = await projectWithKeys(app);
    const scanned = await app.handlers['scan.folder']({ dir: project, import: false, history: false });
    const found = scanned.findings.find((f) => f.inVault === null);
    if (!found) throw new Error('the scan found no unknown key');
    writeFileSync(join(project, '.env'), `XORA_API_KEY=${sampleKeys.xora()}\n`);
    const { reply } = await app.call('scan.addFinding', { file: found.file, line: 1, column: found.column, fingerprint: found.fingerprint, instanceRef: 'xora/acme/main', name: 'local' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'input', problem: { code: 'scan.finding-gone', path: found.file, line: 1 } } });
    expect(app.core.vault.read().keys.map((k) => k.name)).toEqual(['api']);
  });

  it('a file given as a relative path is refused before anything is read', async () => {
    const app = appOn();
    const { reply } = await app.call('scan.addFinding', { file: 'project/.env', line: 1, column: 1, fingerprint: 'a'.repeat(64), instanceRef: 'xora/acme/main', name: 'local' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'input', problem: { code: 'scan.folder-not-full-path' } } });
  });

  it('a file gone since the scan is refused as scan.finding-unread, naming the file', async () => {
    const app = appOn();
    const { project } = await projectWithKeys(app);
    const scanned = await app.handlers['scan.folder']({ dir: project, import: false, history: false });
    const found = scanned.findings.find((f) => f.inVault === null);
    if (!found) throw new Error('the scan found no unknown key');
    rmSync(found.file);
    const { reply } = await app.call('scan.addFinding', { file: found.file, line: found.line, column: found.column, fingerprint: found.fingerprint, instanceRef: 'xora/acme/main', name: 'local' });
    expect(reply).toMatchObject({ ok: false, error: { problem: { code: 'scan.finding-unread', path: found.file } } });
  });

  it("is refused with Add key's own checks: a name taken in the instance names the name field", async () => {
    const app = appOn();
    const { project } = await projectWithKeys(app);
    const scanned = await app.handlers['scan.folder']({ dir: project, import: false, history: false });
    const found = scanned.findings.find((f) => f.inVault === null);
    if (!found) throw new Error('the scan found no unknown key');
    const { reply } = await app.call('scan.addFinding', { file: found.file, line: found.line, column: found.column, fingerprint: found.fingerprint, instanceRef: 'xora/acme/main', name: 'api' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'input', problem: { code: 'key.name-taken', field: 'name' } } });
  });

  it('a key of the history, removed since, is read from its commit and added', async () => {
    const app = appOn();
    const { project } = await projectWithKeys(app);
    const leaked = sampleKeys.xora();
    writeFileSync(join(project, 'config.ts'), `export const key = '${leaked}';\n`);
    git(project, 'init', '-q');
    git(project, 'add', 'config.ts');
    git(project, 'commit', '-q', '-m', 'config');
    git(project, 'rm', '-q', 'config.ts');
    git(project, 'commit', '-q', '-m', 'no config');
    const scanned = await app.handlers['scan.folder']({ dir: project, import: false, history: true });
    const found = scanned.findings.find((f) => f.commit !== null && f.path === 'config.ts');
    if (!found?.commit) throw new Error('the history scan did not find the removed key');
    const added = await app.handlers['scan.addFinding']({ file: found.file, line: found.line, column: found.column, commit: found.commit.sha, fingerprint: found.fingerprint, instanceRef: 'xora/acme/main', name: 'old-config' });
    expect(added).toMatchObject({ key: { ref: 'xora/acme/main/old-config' }, targets: 0 });
    expect((await app.handlers['key.reveal']({ ref: 'xora/acme/main/old-config' })).secret).toBe(leaked);
  });
});
