import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn, type IPty } from 'node-pty';
import { afterEach, describe, expect, it } from 'vitest';
import { cliFor } from '../../../support/cli.js';
import { sampleKeys } from '../../../support/keys.js';
import { tempHome } from '../../../support/temp-home.js';

/** The built `keyturn` under a real pseudo-terminal of the test's own: its stdout (and stdin) a terminal, as a person's is. */
interface OnTerminal {
  pty: IPty;
  /** What the terminal shows, lines ended by \n. */
  text(): string;
  waitFor(wanted: string): Promise<void>;
  exited: Promise<{ exitCode: number; signal: number }>;
}

const running: IPty[] = [];
afterEach(() => {
  for (const pty of running.splice(0)) {
    try {
      pty.kill('SIGKILL');
    } catch {
      // gone already
    }
  }
});

function onTerminal(file: string, args: string[], env: NodeJS.ProcessEnv = {}): OnTerminal {
  const pty = spawn(file, args, { cols: 90, rows: 20, cwd: process.cwd(), env: { ...process.env, TERM: 'xterm-256color', ...env } });
  running.push(pty);
  let text = '';
  const waiting = new Set<() => void>();
  pty.onData((chunk) => {
    // Two terminals in a row each end a line with CR LF (keyturn's, in raw mode, still adds its CR):
    // shown as one line end.
    text = (text + chunk).replace(/\r+\n/g, '\n');
    for (const check of waiting) check();
  });
  const exited = new Promise<{ exitCode: number; signal: number }>((resolve) => pty.onExit(({ exitCode, signal }) => resolve({ exitCode, signal: signal ?? 0 })));
  const waitFor = (wanted: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!text.includes(wanted)) return;
        waiting.delete(check);
        resolve();
      };
      waiting.add(check);
      check();
      void exited.then(() => {
        if (waiting.delete(check)) reject(new Error(`ended before printing ${JSON.stringify(wanted)}; it printed ${JSON.stringify(text)}`));
      });
    });
  return { pty, text: () => text, waitFor, exited };
}

/** `keyturn run --env NORA_KEY=… -- node -e SCRIPT` on a terminal (a Nora key in a fresh vault). */
async function keyturnOnTerminal(script: string, runOptions: string[] = []) {
  const home = tempHome();
  const run = cliFor(home);
  const secret = sampleKeys.nora('production');
  await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production']);
  await run(['key', 'add', 'nora/acme/live', 'backend', '--no-verify'], secret);
  const terminal = onTerminal(process.execPath, ['bin/keyturn.mjs', '--home', home, 'run', ...runOptions, '--env', 'NORA_KEY=nora/acme/live/backend', '--', process.execPath, '-e', script]);
  return { ...terminal, secret };
}

// Whether keyturn gives its terminal its mode back is shown in test/unit/core/run/pty-run.test.ts:
// seen from outside, Node itself resets the terminal when a process exits.
describe('keyturn run on a terminal', () => {
  it('runs the command on a terminal of its own: colours kept, the key masked, the exit code passed through', async () => {
    const script = "console.log('tty ' + [process.stdin.isTTY, process.stdout.isTTY, process.stderr.isTTY].join(' ')); process.stderr.write('\\x1b[31m' + process.env.NORA_KEY + '\\x1b[0m\\n'); process.exit(7)";
    const cli = await keyturnOnTerminal(script);
    expect(await cli.exited).toEqual({ exitCode: 7, signal: 0 });
    expect(cli.text()).toContain('tty true true true\n');
    expect(cli.text()).toContain('\x1b[31m[keyturn:NORA_KEY]\x1b[0m\n');
    expect(cli.text()).not.toContain(cli.secret);
  });

  it('with --no-masking passes the output on as it is, colours and the key included', async () => {
    const cli = await keyturnOnTerminal("process.stdout.write('\\x1b[32m' + process.env.NORA_KEY + '\\x1b[0m\\n')", ['--no-masking']);
    expect(await cli.exited).toEqual({ exitCode: 0, signal: 0 });
    expect(cli.text()).toContain(`\x1b[32m${cli.secret}\x1b[0m\n`);
    expect(cli.text()).toMatch(/masking is off/);
  });

  it('forwards a typed line to the command, and Ctrl-C reaches it as SIGINT: keyturn dies of SIGINT too, as a shell does', async () => {
    const script = "console.log('ready'); process.stdin.once('data', (d) => console.log('got ' + JSON.stringify(String(d)))); setInterval(() => {}, 1000)";
    const cli = await keyturnOnTerminal(script);
    await cli.waitFor('ready');
    cli.pty.write('hello\r');
    await cli.waitFor('got "hello\\n"');
    cli.pty.write('\x03');
    expect(await cli.exited).toEqual({ exitCode: 0, signal: constants.signals.SIGINT });
  });

  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`passes ${signal} sent to keyturn on to the command: 128 + its number when it dies of it`, async () => {
      const cli = await keyturnOnTerminal("console.log('ready'); setInterval(() => {}, 1000)");
      await cli.waitFor('ready');
      process.kill(cli.pty.pid, signal);
      expect(await cli.exited).toEqual({ exitCode: 128 + constants.signals[signal], signal: 0 });
    });
  }

  it('passes SIGTERM on to a command that handles it, and its exit code back', async () => {
    const cli = await keyturnOnTerminal("process.on('SIGTERM', () => { console.log('child got SIGTERM'); process.exit(7); }); console.log('ready'); setInterval(() => {}, 1000)");
    await cli.waitFor('ready');
    process.kill(cli.pty.pid, 'SIGTERM');
    expect(await cli.exited).toEqual({ exitCode: 7, signal: 0 });
    expect(cli.text()).toContain('child got SIGTERM\n');
  });

  it('gives the command keyturn’s window size, and a resize of keyturn’s terminal reaches it', async () => {
    const script = "const size = () => process.stdout.columns + 'x' + process.stdout.rows; console.log('size ' + size()); process.stdout.on('resize', () => { console.log('resized ' + size()); process.exit(0); }); setInterval(() => {}, 1000)";
    const cli = await keyturnOnTerminal(script);
    await cli.waitFor('size 90x20\n');
    cli.pty.resize(120, 40);
    expect(await cli.exited).toEqual({ exitCode: 0, signal: 0 });
    expect(cli.text()).toContain('resized 120x40\n');
  });

  it('says a command that does not exist is not found, before it runs anything (exit 3)', async () => {
    const home = tempHome();
    const run = cliFor(home);
    await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production']);
    await run(['key', 'add', 'nora/acme/live', 'backend', '--no-verify'], sampleKeys.nora('production'));
    const cli = onTerminal(process.execPath, ['bin/keyturn.mjs', '--home', home, 'run', '--env', 'NORA_KEY=nora/acme/live/backend', '--', 'keyturn-no-such-command']);
    expect(await cli.exited).toEqual({ exitCode: 3, signal: 0 });
    expect(cli.text()).toMatch(/command not found: keyturn-no-such-command/);
  });

  it('loads node-pty only on a terminal: a run whose output is a pipe never does', async () => {
    const home = tempHome();
    const run = cliFor(home);
    await run(['instance', 'add', 'nora', 'acme', 'live', '--env', 'production']);
    await run(['key', 'add', 'nora/acme/live', 'backend', '--no-verify'], sampleKeys.nora('production'));
    const recorder = pathToFileURL(join(process.cwd(), 'test/support/record-loaded-modules.mjs')).href;
    const argv = ['--import', recorder, 'bin/keyturn.mjs', '--home', home, 'run', '--env', 'NORA_KEY=nora/acme/live/backend', '--', process.execPath, '-e', 'process.exit(0)'];
    const loadsPty = (list: string) => readFileSync(list, 'utf8').split('\n').some((url) => url.includes('/node_modules/node-pty/'));

    const piped = join(home, 'piped.txt');
    writeFileSync(piped, '');
    expect(spawnSync(process.execPath, argv, { env: { ...process.env, KEYTURN_LOADED_MODULES_FILE: piped }, stdio: 'pipe' }).status).toBe(0);
    expect(loadsPty(piped)).toBe(false);

    const onTty = join(home, 'tty.txt');
    writeFileSync(onTty, '');
    expect(await onTerminal(process.execPath, argv, { KEYTURN_LOADED_MODULES_FILE: onTty }).exited).toEqual({ exitCode: 0, signal: 0 });
    expect(loadsPty(onTty)).toBe(true);
  });
});
