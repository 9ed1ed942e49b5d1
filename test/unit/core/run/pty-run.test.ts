import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ptyOutcome } from '../../../../electron/core/node/run/pty-run.js';
import { runWithSecrets, shellExitStatus, type RunWithSecrets } from '../../../../electron/core/node/run/run-with-secrets.js';
import { problemWith } from '../../../support/problem-match.js';

const SECRET = 'nxr_PTYSECRET_abcdefghijklmnop';
const MASK = '[keyturn:API_KEY]';

/** A byte sink that says when what it has received includes a text; with a window size, it stands for a terminal. */
function sink(size?: { columns: number; rows: number }) {
  let text = '';
  const waiting = new Set<() => void>();
  const stream = Object.assign(
    new Writable({
      write: (chunk: Buffer, _e, done) => {
        text += chunk.toString('utf8');
        for (const check of waiting) check();
        done();
      },
    }),
    size ?? {},
  );
  const waitFor = (wanted: string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!text.includes(wanted)) return;
        waiting.delete(check);
        resolve();
      };
      waiting.add(check);
      check();
    });
  return { stream, text: () => text, waitFor };
}

/** keyturn's stdin as a terminal: what is typed, and every raw-mode change asked of it. */
function typedInput(options: { raw?: boolean } = {}) {
  const modes: boolean[] = [];
  const stream = Object.assign(new PassThrough(), {
    isTTY: true,
    isRaw: options.raw ?? false,
    setRawMode(mode: boolean) {
      modes.push(mode);
      stream.isRaw = mode;
      return stream;
    },
  });
  return { stream, modes };
}

function node(script: string, run: Partial<RunWithSecrets> = {}) {
  const out = sink({ columns: 100, rows: 30 });
  const err = sink();
  const input = typedInput();
  const running = runWithSecrets({ command: process.execPath, args: ['-e', script], env: { API_KEY: SECRET }, stdout: out.stream, stderr: err.stream, stdin: input.stream, ...run });
  return { out, err, input, running };
}

/**
 * A child that writes `key=` and the first half of the secret, waits for SIGUSR2, writes the rest;
 * then the same on stderr. The test sends the signal once `key=` is out, so the halves reach keyturn
 * in separate reads whatever the pipe or pty does. It prints its pid first, for that signal.
 */
const SPLIT_SCRIPT = `
const k = process.env.API_KEY, half = k.length >> 1;
const steps = [() => process.stdout.write(k.slice(half) + '\\n'), () => process.stderr.write('err=' + k.slice(0, half)), () => { process.stderr.write(k.slice(half) + '\\n'); process.exit(0); }];
process.on('SIGUSR2', () => steps.shift()());
process.stdout.write('pid=' + process.pid + ' key=' + k.slice(0, half));
setInterval(() => {}, 1000);
`;

async function splitRun(terminal: boolean, masking = true) {
  const run = node(SPLIT_SCRIPT, { terminal, masking });
  const both = () => run.out.text() + run.err.text();
  const waitForBoth = (wanted: string) => Promise.race([run.out.waitFor(wanted), run.err.waitFor(wanted)]);
  await run.out.waitFor(' key=');
  const pid = Number(/pid=(\d+)/.exec(run.out.text())?.[1]);
  process.kill(pid, 'SIGUSR2');
  await waitForBoth(terminal ? '\r\n' : '\n');
  process.kill(pid, 'SIGUSR2');
  await waitForBoth('err=');
  process.kill(pid, 'SIGUSR2');
  const outcome = await run.running;
  return { outcome, out: run.out.text(), err: run.err.text(), both: both(), pid };
}

/**
 * A half that waited longer than the quiet time (a loaded machine) is shown before the rest comes:
 * the documented prefix at most (see Masker), never the whole secret, never the rest.
 */
const maskedAfter = (label: string) => new RegExp(`${label}(${SECRET.slice(0, SECRET.length >> 1)})?\\[keyturn:API_KEY\\]`);

describe('runWithSecrets under a pseudo-terminal (terminal: true)', () => {
  it('gives the child a terminal on stdin, stdout and stderr, of keyturn’s window size, and passes a resize on', async () => {
    const script = `
const size = () => process.stdout.columns + 'x' + process.stdout.rows;
console.log('tty ' + [process.stdin.isTTY, process.stdout.isTTY, process.stderr.isTTY, size()].join(' '));
process.stdout.on('resize', () => { console.log('resized ' + size()); process.exit(0); });
setInterval(() => {}, 1000);`;
    const run = node(script, { terminal: true });
    await run.out.waitFor('\r\n');
    expect(run.out.text()).toBe('tty true true true 100x30\r\n');
    Object.assign(run.out.stream, { columns: 120, rows: 40 });
    run.out.stream.emit('resize');
    expect(await run.running).toEqual({ exitCode: 0, signal: null });
    expect(run.out.text()).toContain('resized 120x40\r\n');
  });

  it('run under a terminal never lets a secret split across writes reach the output unmasked, on stdout and stderr', async () => {
    const { outcome, out, err } = await splitRun(true);
    expect(outcome).toEqual({ exitCode: 0, signal: null });
    // One terminal: both streams arrive, in order, on stdout.
    expect(err).toBe('');
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain(SECRET.slice(SECRET.length >> 1));
    expect(out).toMatch(new RegExp(`^pid=\\d+ ${maskedAfter('key=').source}\\r\\n${maskedAfter('err=').source}\\r\\n$`));
  });

  it('shows a prompt ending in what could be the start of a secret once the child is quiet, then reads the answer', async () => {
    const script = "process.stdout.write('sign in with nxr'); process.stdin.once('data', (d) => { console.log(' got ' + JSON.stringify(String(d))); process.exit(0); })";
    const run = node(script, { terminal: true });
    await run.out.waitFor('sign in with nxr');
    run.input.stream.write('yes\r');
    expect(await run.running).toEqual({ exitCode: 0, signal: null });
    // The terminal echoes what is typed and turns Enter into a newline for the child.
    expect(run.out.text()).toBe('sign in with nxryes\r\n got "yes\\n"\r\n');
  });

  it('keeps the child’s colours: an ANSI sequence arrives unchanged', async () => {
    const run = node("process.stdout.write('\\x1b[31mred\\x1b[0m ' + process.env.API_KEY + '\\n')", { terminal: true });
    expect(await run.running).toEqual({ exitCode: 0, signal: null });
    expect(run.out.text()).toBe(`\x1b[31mred\x1b[0m ${MASK}\r\n`);
  });

  it('gives the child keyturn’s environment, the plain values and the secrets, a secret winning over a plain value', async () => {
    const run = node("console.log([process.env.PATH ? 'path' : 'no path', process.env.PLAIN, process.env.API_KEY === " + JSON.stringify(SECRET) + "].join(' '))", { terminal: true, plain: { PLAIN: 'plain-value', API_KEY: 'not the secret' } });
    expect(await run.running).toEqual({ exitCode: 0, signal: null });
    expect(run.out.text()).toBe('path plain-value true\r\n');
  });

  it('passes the output on as it is with masking: false', async () => {
    const { outcome, out } = await splitRun(true, false);
    expect(outcome).toEqual({ exitCode: 0, signal: null });
    expect(out).toMatch(new RegExp(`^pid=\\d+ key=${SECRET}\\r\\nerr=${SECRET}\\r\\n$`));
  });

  it('passes the exit code through, and a death by signal as 128 + its number', async () => {
    expect(await node('process.exit(0)', { terminal: true }).running).toEqual({ exitCode: 0, signal: null });
    expect(await node('process.exit(7)', { terminal: true }).running).toEqual({ exitCode: 7, signal: null });
    const killed = await node("process.kill(process.pid, 'SIGTERM')", { terminal: true }).running;
    expect(killed).toEqual({ exitCode: null, signal: 'SIGTERM' });
    expect(shellExitStatus(killed)).toBe(143);
  });

  it('forwards what is typed to the child, in raw mode while it runs, and gives the terminal its mode back', async () => {
    const run = node("console.log('ready'); process.stdin.once('data', (d) => { console.log('got ' + JSON.stringify(String(d))); process.exit(3); })", { terminal: true });
    await run.out.waitFor('ready');
    expect(run.input.modes).toEqual([true]);
    run.input.stream.write('a line\r');
    expect(await run.running).toEqual({ exitCode: 3, signal: null });
    expect(run.out.text()).toContain('got "a line\\n"\r\n');
    expect(run.input.modes).toEqual([true, false]);
    expect(run.input.stream.isPaused()).toBe(true);
  });

  it('Ctrl-C typed reaches the child through its terminal as SIGINT (130)', async () => {
    const run = node("console.log('ready'); setInterval(() => {}, 1000)", { terminal: true });
    await run.out.waitFor('ready');
    run.input.stream.write('\x03');
    const outcome = await run.running;
    expect(outcome).toEqual({ exitCode: null, signal: 'SIGINT' });
    expect(shellExitStatus(outcome)).toBe(130);
    expect(run.input.modes).toEqual([true, false]);
  });

  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`passes ${signal} received by keyturn on to the child`, async () => {
      const run = node(`process.on('${signal}', () => { console.log('child got ${signal}'); process.exit(7); }); console.log('ready'); setInterval(() => {}, 1000)`, { terminal: true });
      await run.out.waitFor('ready');
      // As Node delivers a signal to keyturn: to the listeners the run installed (this test process has none of its own).
      process.emit(signal, signal);
      expect(await run.running).toEqual({ exitCode: 7, signal: null });
      expect(run.out.text()).toContain(`child got ${signal}\r\n`);
      expect(process.listenerCount(signal)).toBe(0);
    });
  }

  it('leaves a terminal that was raw already raw, and one that is not a terminal alone (its end is the child’s end of file)', async () => {
    const raw = typedInput({ raw: true });
    const out = sink();
    expect(await runWithSecrets({ command: process.execPath, args: ['-e', 'process.exit(0)'], env: {}, stdout: out.stream, stderr: sink().stream, stdin: raw.stream, terminal: true })).toEqual({ exitCode: 0, signal: null });
    expect(raw.modes).toEqual([true, true]);

    const piped = new PassThrough();
    piped.end('piped\n');
    const script = "let all = ''; process.stdin.on('data', (d) => (all += d)).on('end', () => { console.log('read ' + JSON.stringify(all)); process.exit(0); })";
    const result = await runWithSecrets({ command: process.execPath, args: ['-e', script], env: {}, stdout: out.stream, stderr: sink().stream, stdin: piped, terminal: true });
    expect(result).toEqual({ exitCode: 0, signal: null });
    expect(out.text()).toContain('read "piped\\n"');
  });

  it('gives the terminal its mode back when forwarding the input cannot start', async () => {
    const input = typedInput();
    const failing = Object.assign(input.stream, {
      on(this: PassThrough, event: string, listener: (...args: unknown[]) => void) {
        if (event === 'data') throw new Error('no input');
        return PassThrough.prototype.on.call(this, event, listener);
      },
    });
    const running = runWithSecrets({ command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'], env: {}, stdout: sink().stream, stderr: sink().stream, stdin: failing, terminal: true });
    await expect(running).rejects.toThrow('no input');
    expect(input.modes).toEqual([true, false]);
  });

  it('says when the command does not exist, before anything runs or the terminal changes', async () => {
    const input = typedInput();
    for (const command of ['keyturn-no-such-command', './keyturn-no-such-command']) {
      await expect(runWithSecrets({ command, args: [], env: {}, stdout: sink().stream, stderr: sink().stream, stdin: input.stream, terminal: true })).rejects.toThrow(problemWith('run.command-not-found', { command }));
    }
    expect(input.modes).toEqual([]);
  });

  it('maps what node-pty reports to an outcome: an exit code, or the signal by name', () => {
    expect(ptyOutcome({ exitCode: 7, signal: 0 })).toEqual({ exitCode: 7, signal: null });
    expect(ptyOutcome({ exitCode: 0 })).toEqual({ exitCode: 0, signal: null });
    expect(ptyOutcome({ exitCode: 0, signal: 15 })).toEqual({ exitCode: null, signal: 'SIGTERM' });
    expect(ptyOutcome({ exitCode: 0, signal: 9 })).toEqual({ exitCode: null, signal: 'SIGKILL' });
  });
});

describe('runWithSecrets without a terminal', () => {
  it('never lets a secret split across writes reach the output unmasked, on stdout and stderr', async () => {
    const { outcome, out, err } = await splitRun(false);
    expect(outcome).toEqual({ exitCode: 0, signal: null });
    expect(out + err).not.toContain(SECRET);
    expect(out).toMatch(new RegExp(`^pid=\\d+ ${maskedAfter('key=').source}\\n$`));
    expect(err).toMatch(new RegExp(`^${maskedAfter('err=').source}\\n$`));
  });

  it('passes the output on as it is with masking: false, colours included', async () => {
    const { outcome, out, err } = await splitRun(false, false);
    expect(outcome).toEqual({ exitCode: 0, signal: null });
    expect(out).toMatch(new RegExp(`^pid=\\d+ key=${SECRET}\\n$`));
    expect(err).toBe(`err=${SECRET}\n`);
    const colours = node("process.stdout.write('\\x1b[31mred\\x1b[0m\\n')", { masking: false });
    expect(await colours.running).toEqual({ exitCode: 0, signal: null });
    expect(colours.out.text()).toBe('\x1b[31mred\x1b[0m\n');
  });

  it('keeps the child’s colours when masking', async () => {
    const run = node("process.stdout.write('\\x1b[31mred\\x1b[0m ' + process.env.API_KEY + '\\n')");
    expect(await run.running).toEqual({ exitCode: 0, signal: null });
    expect(run.out.text()).toBe(`\x1b[31mred\x1b[0m ${MASK}\n`);
  });

  it('passes exit codes 0 and 7 through, and SIGTERM as 143; never touches the stdin it was given', async () => {
    const zero = node('process.exit(0)');
    expect(await zero.running).toEqual({ exitCode: 0, signal: null });
    expect(await node('process.exit(7)').running).toEqual({ exitCode: 7, signal: null });
    const killed = await node("process.kill(process.pid, 'SIGTERM')").running;
    expect(shellExitStatus(killed)).toBe(143);
    expect(zero.input.modes).toEqual([]);
  });
});
