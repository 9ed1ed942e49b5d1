import { execFileSync } from 'node:child_process';
import { closeSync, constants, linkSync, mkdirSync, openSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliFor, spawnCli, type SpawnedCli } from '../../support/cli.js';
import { sampleKeys } from '../../support/keys.js';
import { tempHome } from '../../support/temp-home.js';

describe('keyturn run and scan', () => {
  it('run injects the key into the child’s environment and masks it in the output', async () => {
    const home = tempHome();
    const run = cliFor(home);
    const secret = sampleKeys.nora('production');
    await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production']);
    await run(['key', 'add', 'nora/acme/live', 'backend', '--no-verify'], secret);
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
    await run(['key', 'add', 'nora/acme/live', 'stored', '--no-verify'], stored);
    const fresh = sampleKeys.nora('production');
    const project = join(home, 'project');
    mkdirSync(project);
    writeFileSync(join(project, '.env'), `STORED=${stored}\nNORA_API_KEY=${fresh}\nXORA=${sampleKeys.xora()}\n`);

    const report = await run(['scan', project, '--json']);
    // Keys found: exit 1.
    expect(report.code).toBe(1);
    const { findings } = JSON.parse(report.stdout) as { findings: { variable: string; inVault: string | null }[] };
    expect(findings.map((f) => [f.variable, f.inVault])).toEqual([['STORED', 'nora/acme/live/stored'], ['NORA_API_KEY', null], ['XORA', null]]);
    expect(report.stdout).not.toContain(fresh);

    const imported = await run(['scan', project, '--import']);
    // Imported or not, the keys are still in the file in plain text.
    expect(imported.code).toBe(1);
    expect(imported.stdout).toMatch(/imported nora\/acme\/live\/nora-api-key with 1 swap target/);
    expect(imported.stdout).toMatch(/not imported nte_.*: no xora instance/);
    expect((await run(['key', 'get', 'nora/acme/live/nora-api-key'])).stdout).toBe(`${fresh}\n`);
    const targets = JSON.parse((await run(['target', 'list', 'nora/acme/live/nora-api-key', '--json'])).stdout) as { kind: string; variable: string }[];
    expect(targets).toEqual([expect.objectContaining({ kind: 'dotenv', variable: 'NORA_API_KEY' })]);
  });

  it('scan --import stores a key whose file cannot be a swap target (a hard link), and names the file and why', async () => {
    const home = tempHome();
    const run = cliFor(home);
    await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production']);
    const fresh = sampleKeys.nora('production');
    const project = join(home, 'project');
    mkdirSync(project);
    writeFileSync(join(project, '.env'), `NORA_API_KEY=${fresh}\n`);
    // A second name outside the scanned folder: the swap would split it, so it is no target.
    linkSync(join(project, '.env'), join(home, 'other-name.env'));

    const imported = await run(['scan', project, '--import']);
    expect(imported.code, imported.stderr).toBe(1);
    expect(imported.stdout).toMatch(/imported nora\/acme\/live\/nora-api-key with 0 swap target\(s\)\n {2}not a swap target: .*\.env has 2 hard links/);
    expect((await run(['key', 'get', 'nora/acme/live/nora-api-key'])).stdout).toBe(`${fresh}\n`);
    expect(JSON.parse((await run(['target', 'list', 'nora/acme/live/nora-api-key', '--json'])).stdout)).toEqual([]);
  });

  const spawned: SpawnedCli[] = [];
  const fifos: string[] = [];
  afterEach(() => {
    for (const s of spawned.splice(0)) s.child.kill('SIGKILL');
    // A reader stuck on a FIFO (what a scan that follows links did) gets its end of file.
    for (const fifo of fifos.splice(0)) {
      try {
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // ENXIO: nobody is reading it, as it should be.
      }
    }
  });
  const keyturn = (...args: Parameters<typeof spawnCli>) => {
    const s = spawnCli(...args);
    spawned.push(s);
    return s;
  };

  /** A home with one Nora key, and `keyturn run --env NORA_KEY=... -- node -e SCRIPT` as a real process. */
  async function runningChild(script: string, options: { mergeStderr?: boolean } = {}) {
    const home = tempHome();
    const run = cliFor(home);
    const secret = sampleKeys.nora('production');
    await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production']);
    await run(['key', 'add', 'nora/acme/live', 'backend', '--no-verify'], secret);
    return { secret, cli: keyturn(['--home', home, 'run', '--env', 'NORA_KEY=nora/acme/live/backend', '--', process.execPath, '-e', script], options) };
  }

  it('run shows a partial line (a prompt) while the child waits for input, before it exits', async () => {
    const { cli } = await runningChild("process.stdout.write('prompt> '); process.stdin.once('data', (d) => { console.log('got ' + d.toString().trim()); process.exit(0); })");
    await cli.waitFor('stdout', 'prompt> ');
    cli.child.stdin?.write('yes\n');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdout()).toBe('prompt> got yes\n');
  });

  it('run exits 137 for a child killed with SIGKILL, as a shell does', async () => {
    const { cli } = await runningChild("process.kill(process.pid, 'SIGKILL')");
    expect(await cli.exited).toEqual({ code: 137, signal: null });
  });

  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`run passes ${signal} on to the child and waits for it`, async () => {
      const { cli } = await runningChild(`process.on('${signal}', () => { console.log('child got ${signal}'); process.exit(7); }); console.log('ready'); setInterval(() => {}, 1000)`);
      await cli.waitFor('stdout', 'ready');
      cli.child.kill(signal);
      expect(await cli.exited).toEqual({ code: 7, signal: null });
      expect(cli.stdout()).toBe(`ready\nchild got ${signal}\n`);
    });
  }

  it('run passes SIGINT on (no terminal) and, when the child dies of it, dies of SIGINT too, as a shell does', async () => {
    const { cli } = await runningChild("console.log('ready'); setInterval(() => {}, 1000)");
    await cli.waitFor('stdout', 'ready');
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: null, signal: 'SIGINT' });
  });

  it('run exits 143 for a child that dies of SIGTERM', async () => {
    const { cli } = await runningChild("console.log('ready'); setInterval(() => {}, 1000)");
    await cli.waitFor('stdout', 'ready');
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 143, signal: null });
  });

  it('run masks the key base64- and percent-encoded, and split between stdout and stderr sent to one place (2>&1)', async () => {
    const home = tempHome();
    const run = cliFor(home);
    expect((await run(['provider', 'add', 'acme', '--prefix', 'acme_', '--header', 'X-Key', '--production-url', 'https://api.acme.test', '--verify-path', '/me'])).code).toBe(0);
    expect((await run(['instance', 'add', 'acme', 'acme', 'main', '--env', 'production'])).code).toBe(0);
    const secret = `acme_${sampleKeys.nexora().slice(4, 20)}+/=%&?#~`;
    expect((await run(['key', 'add', 'acme/acme/main', 'k', '--no-verify'], secret)).code).toBe(0);
    const script = [
      "const k = process.env.ACME_KEY, b = Buffer.from(k), half = k.length >> 1",
      "console.log('b64 ' + b.toString('base64'))",
      "console.log('b64url ' + b.toString('base64url'))",
      "console.log('url ?key=' + encodeURIComponent(k))",
      "console.log('form ' + new URLSearchParams({ key: k }))",
      "process.stdout.write('split ' + k.slice(0, half))",
      "process.stderr.write(k.slice(half) + '\\n')",
    ].join('; ');
    // --quiet: the list of what set each variable goes to stderr, here the same place as stdout.
    const cli = keyturn(['--home', home, 'run', '--quiet', '--env', 'ACME_KEY=acme/acme/main/k', '--', process.execPath, '-e', script], { mergeStderr: true });
    expect((await cli.exited).code).toBe(0);
    expect(cli.stdout()).toBe(['b64 [keyturn:ACME_KEY]', 'b64url [keyturn:ACME_KEY]', 'url ?key=[keyturn:ACME_KEY]', 'form key=[keyturn:ACME_KEY]', 'split [keyturn:ACME_KEY]', ''].join('\n'));
  });

  /** A project with one .env holding a key, and a `.env.link` symbolic link to `target`. */
  function projectWithLink(home: string, makeTarget: (path: string) => void) {
    const project = join(home, 'project');
    const outside = join(home, 'outside');
    mkdirSync(project);
    mkdirSync(outside);
    writeFileSync(join(project, '.env'), `NORA_API_KEY=${sampleKeys.nora('production')}\n`);
    const target = join(outside, 'target');
    makeTarget(target);
    symlinkSync(target, join(project, '.env.link'));
    return project;
  }

  it('scan never follows a symbolic link to a FIFO: it finishes at once and says what it skipped', { timeout: 10_000 }, async () => {
    const home = tempHome();
    const project = projectWithLink(home, (fifo) => {
      execFileSync('mkfifo', [fifo]);
      fifos.push(fifo);
    });
    const started = Date.now();
    const report = await cliFor(home)(['scan', project, '--json']);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(report.code).toBe(1);
    expect((JSON.parse(report.stdout) as { findings: { variable: string }[] }).findings.map((f) => f.variable)).toEqual(['NORA_API_KEY']);
    expect(report.stderr).toBe(`skipped ${JSON.stringify(join(project, '.env.link'))}: a symbolic link, not followed (scan or add the file it points to)\n`);
  });

  it('scan of a symbolic link to a 300 MB file reads none of it: its memory stays that of a scan without the link', { timeout: 30_000 }, async () => {
    const home = tempHome();
    await cliFor(home)(['instance', 'list']);
    /** Peak memory of `keyturn scan DIR --json` as a real process. */
    const scanPeakKiB = async (dir: string) => {
      const cli = keyturn(['--home', home, 'scan', dir, '--json'], { preload: join(process.cwd(), 'test/support/report-max-rss.mjs'), extraPipes: 1 });
      let report = '';
      cli.child.stdio[3]?.on('data', (chunk: Buffer) => (report += chunk.toString('utf8')));
      const started = Date.now();
      // 1: the key in the .env is found.
      expect((await cli.exited).code).toBe(1);
      expect(Date.now() - started).toBeLessThan(5_000);
      return { peakKiB: (JSON.parse(report) as { maxRssKiB: number }).maxRssKiB, stderr: cli.stderr() };
    };
    const plain = join(home, 'plain');
    mkdirSync(plain);
    writeFileSync(join(plain, '.env'), `NORA_API_KEY=${sampleKeys.nora('production')}\n`);
    const baseline = await scanPeakKiB(plain);
    const project = projectWithLink(home, (big) => {
      // Sparse: 300 MB long, no disk used. A key at the start, so a reader that took it whole finds one.
      writeFileSync(big, `XORA_API_KEY=${sampleKeys.xora()}\n`);
      truncateSync(big, 300 * 1024 * 1024);
    });
    const linked = await scanPeakKiB(project);
    expect(linked.stderr).toMatch(/skipped .*\.env\.link.*: a symbolic link, not followed/);
    expect(linked.peakKiB - baseline.peakKiB).toBeLessThan(64 * 1024);
  });
});
