import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, constants, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Target } from '../../../electron/core/domain/model.js';
import { startAllEmulators, type AllEmulators } from '../../emulators/index.js';
import { Writable } from 'node:stream';
import { runCli } from '../../../electron/cli/program.js';
import { cliFor } from '../../support/cli.js';
import { tempHome } from '../../support/temp-home.js';

const REF = 'nexora/acme/self/backend';

/**
 * Swap targets that could be turned against the person: special files, links, hard links,
 * read-only files and files without the variable. Each is refused when the target is added and
 * again when the swap is about to write, where the file may have been replaced in between.
 */
describe('keyturn target add and the swap refuse files that would turn the key against the person', () => {
  let emulators: AllEmulators;
  const fifos: string[] = [];
  beforeAll(async () => {
    emulators = await startAllEmulators();
  });
  afterAll(async () => {
    await emulators.close();
  });
  afterEach(() => {
    emulators.nexora.control.clearFaults();
    // A swap blocked reading a FIFO (what the old code did) is released by opening its write end.
    for (const fifo of fifos.splice(0)) {
      try {
        closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // nobody was reading it
      }
    }
  });

  async function vaultWithKey() {
    const home = tempHome();
    const run = cliFor(home);
    const user = emulators.nexora.control.createUser({ email: `${Math.random().toString(36).slice(2)}@acme.test`, password: 'pw' });
    const old = emulators.nexora.control.createKey({ name: 'backend', userId: user.id });
    await run(['instance', 'add', 'nexora', 'acme', 'self', '--env', 'sandbox', '--base-url', emulators.nexora.baseUrl()]);
    await run(['key', 'add', 'nexora/acme/self', 'backend'], old.secret);
    const dir = join(home, 'svc');
    mkdirSync(dir);
    const targets = async () => JSON.parse((await run(['target', 'list', REF, '--json'])).stdout) as Target[];
    const oldKeyStatus = () => emulators.nexora.control.keys().find((k) => k.id === old.id)?.status;
    const currentSecret = async () => (await run(['key', 'get', REF])).stdout.trim();
    return { home, run, user, old, dir, targets, oldKeyStatus, currentSecret };
  }

  /** A target added while the file was fine; `spoil` then changes the file before the rotation. */
  async function swapAfter(spoil: (env: string, dir: string) => void) {
    const vault = await vaultWithKey();
    const env = join(vault.dir, '.env');
    writeFileSync(env, `A=1\nNEXORA_API_KEY=${vault.old.secret}\n`);
    const added = await vault.run(['target', 'add', REF, 'dotenv', env, 'NEXORA_API_KEY']);
    expect(added.code, added.stderr).toBe(0);
    spoil(env, vault.dir);
    const rotated = await vault.run(['rotate', REF, '--yes']);
    return { ...vault, env, rotated };
  }

  function expectStoppedAtSwap(rotated: { code: number; stdout: string }, reason: RegExp) {
    expect(rotated.code).toBe(1);
    expect(rotated.stdout).toMatch(/rotation stopped at swap failed/);
    expect(rotated.stdout).toMatch(reason);
  }

  it('forbids a device node: /dev/null is refused and stays a device', async () => {
    const { run, targets } = await vaultWithKey();
    const added = await run(['target', 'add', REF, 'dotenv', '/dev/null', 'NEXORA_API_KEY', '--create-variable']);
    expect(added.code).toBe(2);
    expect(added.stderr).toMatch(/\/dev\/null is a device, not a regular file: only a regular \.env file can be a swap target; nothing was added/);
    expect(await targets()).toEqual([]);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('forbids a FIFO when added, and a FIFO put in place of the file does not hang the swap or its resume', { timeout: 20_000 }, async () => {
    const { run, dir, targets } = await vaultWithKey();
    const pipe = join(dir, 'pipe.env');
    execFileSync('mkfifo', [pipe]);
    fifos.push(pipe);
    const added = await run(['target', 'add', REF, 'dotenv', pipe, 'NEXORA_API_KEY']);
    expect(added.code).toBe(2);
    expect(added.stderr).toMatch(/is a named pipe \(FIFO\), not a regular file/);
    expect(await targets()).toEqual([]);

    const { rotated, env, oldKeyStatus } = await swapAfter((file) => {
      unlinkSync(file);
      execFileSync('mkfifo', [file]);
      fifos.push(file);
    });
    expectStoppedAtSwap(rotated, /is a named pipe \(FIFO\)/);
    expect(lstatSync(env).isFIFO()).toBe(true);
    expect(oldKeyStatus()).toBe('active');
  });

  it('a resume after a FIFO was put in place of the file is refused the same way, without hanging', { timeout: 20_000 }, async () => {
    const { run, env } = await swapAfter((file) => {
      unlinkSync(file);
      execFileSync('mkfifo', [file]);
      fifos.push(file);
    });
    const resumed = await run(['rotate', REF, '--resume', '--yes']);
    expectStoppedAtSwap(resumed, /is a named pipe \(FIFO\)/);
    expect(lstatSync(env).isFIFO()).toBe(true);
  });

  it('forbids a folder', async () => {
    const { run, dir, targets } = await vaultWithKey();
    const added = await run(['target', 'add', REF, 'dotenv', dir, 'NEXORA_API_KEY', '--create-variable']);
    expect(added.code).toBe(2);
    expect(added.stderr).toMatch(/is a folder, not a regular file/);
    expect(await targets()).toEqual([]);
  });

  it('forbids writing through a symlink without confirmation; shows where it leads', async () => {
    const { run, dir, old, targets } = await vaultWithKey();
    const real = join(dir, 'real.env');
    const link = join(dir, '.env');
    writeFileSync(real, `NEXORA_API_KEY=${old.secret}\n`);
    symlinkSync(real, link);
    const added = await run(['target', 'add', REF, 'dotenv', link, 'NEXORA_API_KEY']);
    expect(added.code).toBe(2);
    expect(added.stdout).toContain(`${link} is a link to ${real}\n`);
    expect(added.stderr).toContain(`${link} is a link to ${real}: nothing was added; to write the key there, add --follow-link`);
    expect(await targets()).toEqual([]);
  });

  it('on a terminal, a link is added only after an interactive yes that follows the resolved path', async () => {
    const { home, dir, old, targets } = await vaultWithKey();
    const real = join(dir, 'real.env');
    const link = join(dir, '.env');
    writeFileSync(real, `NEXORA_API_KEY=${old.secret}\n`);
    symlinkSync(real, link);
    const asked: string[] = [];
    const onTerminal = (answer: boolean) => {
      let stdout = '';
      const sink = new Writable({ write: (_chunk: Buffer, _e, done) => done() });
      const code = runCli(['--home', home, 'target', 'add', REF, 'dotenv', link, 'NEXORA_API_KEY'], {
        out: (t) => (stdout += t),
        err: () => undefined,
        readStdin: async () => '',
        promptSecret: null,
        ask: null,
        confirm: async (message) => (asked.push(message), answer),
        env: {},
        sinks: { stdout: sink, stderr: sink },
      });
      return code.then((c) => ({ code: c, stdout }));
    };
    expect((await onTerminal(false)).code).toBe(2);
    expect(await targets()).toEqual([]);
    const yes = await onTerminal(true);
    expect(yes.code).toBe(0);
    expect(yes.stdout).toContain(`${link} is a link to ${real}\n`);
    expect(asked).toEqual([`Write the key through the link, to ${real}?`, `Write the key through the link, to ${real}?`]);
    expect(await targets()).toEqual([expect.objectContaining({ file: link, linkTo: real })]);
  });

  it('with --follow-link the key is written through the link to its target, and the link stays a link', async () => {
    const { run, dir, old, targets, currentSecret, oldKeyStatus } = await vaultWithKey();
    const real = join(dir, 'real.env');
    const link = join(dir, '.env');
    writeFileSync(real, `NEXORA_API_KEY=${old.secret}\n`);
    symlinkSync(real, link);
    const added = await run(['target', 'add', REF, 'dotenv', link, 'NEXORA_API_KEY', '--follow-link']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`NEXORA_API_KEY in ${link} (a link to ${real})`);
    expect(await targets()).toEqual([expect.objectContaining({ file: link, linkTo: real })]);
    const rotated = await run(['rotate', REF, '--yes']);
    expect(rotated.code, rotated.stdout + rotated.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe(`NEXORA_API_KEY=${await currentSecret()}\n`);
    expect(oldKeyStatus()).toBe('revoked');
  });

  it('forbids writing through a link re-pointed after it was accepted', async () => {
    const { run, dir, old, oldKeyStatus, targets, currentSecret } = await vaultWithKey();
    const real = join(dir, 'real.env');
    const elsewhere = join(dir, 'elsewhere.env');
    const link = join(dir, '.env');
    writeFileSync(real, `NEXORA_API_KEY=${old.secret}\n`);
    writeFileSync(elsewhere, `NEXORA_API_KEY=${old.secret}\n`);
    symlinkSync(real, link);
    expect((await run(['target', 'add', REF, 'dotenv', link, 'NEXORA_API_KEY', '--follow-link'])).code).toBe(0);
    unlinkSync(link);
    symlinkSync(elsewhere, link);
    const rotated = await run(['rotate', REF, '--yes']);
    expectStoppedAtSwap(rotated, new RegExp(`now leads to ${elsewhere} but led to ${real} when the target was added`));
    expect(readFileSync(elsewhere, 'utf8')).toBe(`NEXORA_API_KEY=${old.secret}\n`);
    expect(readFileSync(real, 'utf8')).toBe(`NEXORA_API_KEY=${old.secret}\n`);
    expect(oldKeyStatus()).toBe('active');

    // Accepting where it leads now (remove the target, add it again) and resuming finishes the rotation.
    const [stale] = await targets();
    expect((await run(['target', 'remove', REF, stale?.id ?? ''])).code).toBe(0);
    expect((await run(['target', 'add', REF, 'dotenv', link, 'NEXORA_API_KEY', '--follow-link'])).code).toBe(0);
    const resumed = await run(['rotate', REF, '--resume', '--yes']);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(readFileSync(elsewhere, 'utf8')).toBe(`NEXORA_API_KEY=${await currentSecret()}\n`);
    expect(oldKeyStatus()).toBe('revoked');
  });

  it('forbids a file replaced by a link after it was added', async () => {
    const { rotated, env, dir, old } = await swapAfter((file, folder) => {
      writeFileSync(join(folder, 'other.env'), readFileSync(file));
      unlinkSync(file);
      symlinkSync(join(folder, 'other.env'), file);
    });
    expectStoppedAtSwap(rotated, /was no link when the target was added/);
    expect(readFileSync(join(dir, 'other.env'), 'utf8')).toBe(`A=1\nNEXORA_API_KEY=${old.secret}\n`);
    expect(lstatSync(env).isSymbolicLink()).toBe(true);
  });

  it('shows and stores a ../../ path as the absolute path it resolves to', async () => {
    const { run, dir, old, targets } = await vaultWithKey();
    const env = join(dir, '.env');
    writeFileSync(env, `NEXORA_API_KEY=${old.secret}\n`);
    const typed = relative(process.cwd(), env);
    expect(typed.startsWith('../')).toBe(true);
    const added = await run(['target', 'add', REF, 'dotenv', typed, 'NEXORA_API_KEY']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`${typed} is ${env}\n`);
    expect(added.stdout).toContain(`NEXORA_API_KEY in ${env}`);
    expect(await targets()).toEqual([expect.objectContaining({ file: env })]);
  });

  it('forbids splitting a hard link, when added and at the swap', async () => {
    const { run, dir, old, targets } = await vaultWithKey();
    const env = join(dir, 'linked.env');
    writeFileSync(env, `NEXORA_API_KEY=${old.secret}\n`);
    linkSync(env, join(dir, 'other-name.env'));
    const added = await run(['target', 'add', REF, 'dotenv', env, 'NEXORA_API_KEY']);
    expect(added.code).toBe(2);
    expect(added.stderr).toMatch(/has 2 hard links: replacing it would leave the other names holding the old key/);
    expect(await targets()).toEqual([]);

    const swap = await swapAfter((file, folder) => linkSync(file, join(folder, 'second-name.env')));
    expectStoppedAtSwap(swap.rotated, /has 2 hard links/);
    expect(statSync(swap.env).ino).toBe(statSync(join(swap.dir, 'second-name.env')).ino);
    expect(readFileSync(join(swap.dir, 'second-name.env'), 'utf8')).toBe(`A=1\nNEXORA_API_KEY=${swap.old.secret}\n`);
    expect(swap.oldKeyStatus()).toBe('active');
  });

  it('forbids replacing a read-only file, when added and at the swap', async () => {
    const { run, dir, old, targets } = await vaultWithKey();
    const env = join(dir, 'ro.env');
    writeFileSync(env, `NEXORA_API_KEY=${old.secret}\n`);
    chmodSync(env, 0o444);
    const added = await run(['target', 'add', REF, 'dotenv', env, 'NEXORA_API_KEY']);
    expect(added.code).toBe(2);
    expect(added.stderr).toMatch(/is read-only \(mode 0444\)/);
    expect(await targets()).toEqual([]);

    const swap = await swapAfter((file) => chmodSync(file, 0o444));
    expectStoppedAtSwap(swap.rotated, /is read-only \(mode 0444\)/);
    expect(readFileSync(swap.env, 'utf8')).toBe(`A=1\nNEXORA_API_KEY=${swap.old.secret}\n`);
    expect(statSync(swap.env).mode & 0o777).toBe(0o444);

    // Made writable again, the resume writes it.
    chmodSync(swap.env, 0o644);
    const resumed = await swap.run(['rotate', REF, '--resume', '--yes']);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(readFileSync(swap.env, 'utf8')).toBe(`A=1\nNEXORA_API_KEY=${await swap.currentSecret()}\n`);
  });

  it('forbids appending a missing variable without --create-variable, when added and at the swap', async () => {
    const { run, dir, targets } = await vaultWithKey();
    const env = join(dir, 'other.env');
    writeFileSync(env, 'OTHER=1\n');
    const added = await run(['target', 'add', REF, 'dotenv', env, 'NEXORA_API_KEY']);
    expect(added.code).toBe(2);
    expect(added.stderr).toMatch(/has no NEXORA_API_KEY= line: nothing was added; add the line to the file, or allow Keyturn to append it \(add it again with --create-variable\)/);
    expect(await targets()).toEqual([]);

    const swap = await swapAfter((file) => writeFileSync(file, 'A=1\n'));
    expectStoppedAtSwap(swap.rotated, /has no NEXORA_API_KEY= line: not written/);
    expect(readFileSync(swap.env, 'utf8')).toBe('A=1\n');
    expect(swap.oldKeyStatus()).toBe('active');
  });

  it('appends a missing variable for a target added with --create-variable', async () => {
    const { run, dir, currentSecret } = await vaultWithKey();
    const env = join(dir, '.env');
    writeFileSync(env, 'OTHER=1\n');
    const added = await run(['target', 'add', REF, 'dotenv', env, 'NEXORA_API_KEY', '--create-variable']);
    expect(added.code, added.stderr).toBe(0);
    const rotated = await run(['rotate', REF, '--yes']);
    expect(rotated.code, rotated.stdout + rotated.stderr).toBe(0);
    expect(readFileSync(env, 'utf8')).toBe(`OTHER=1\nNEXORA_API_KEY=${await currentSecret()}\n`);
  });

  it('fills an empty slot (`export VAR=`): it holds no key, so it is not somebody else’s key', async () => {
    const { run, dir, currentSecret } = await vaultWithKey();
    const env = join(dir, '.env');
    writeFileSync(env, 'OTHER=1\nexport NEXORA_API_KEY=\n');
    const added = await run(['target', 'add', REF, 'dotenv', env, 'NEXORA_API_KEY']);
    expect(added.code, added.stderr).toBe(0);
    const rotated = await run(['rotate', REF, '--yes']);
    expect(rotated.code, rotated.stdout + rotated.stderr).toBe(0);
    expect(readFileSync(env, 'utf8')).toBe(`OTHER=1\nexport NEXORA_API_KEY=${await currentSecret()}\n`);
  });

  it('forbids a file that does not exist unless --create-file, which creates it (0600) with an empty slot the swap fills', async () => {
    const { run, dir, targets, currentSecret } = await vaultWithKey();
    const env = join(dir, 'new.env');
    const refused = await run(['target', 'add', REF, 'dotenv', env, 'NEXORA_API_KEY']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`keyturn: ${env} does not exist: nothing was added; create the file, or let Keyturn create it (add it again with --create-file to create it)\n`);
    expect(await targets()).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
    // A missing folder is not created: that is a mistyped path.
    const nowhere = await run(['target', 'add', REF, 'dotenv', join(dir, 'nope', '.env'), 'NEXORA_API_KEY', '--create-file']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/does not exist, nor does its folder/);

    const created = await run(['target', 'add', REF, 'dotenv', env, 'NEXORA_API_KEY', '--create-file']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`created ${env} (mode 0600) with an empty NEXORA_API_KEY= line\n`);
    expect(readFileSync(env, 'utf8')).toBe('NEXORA_API_KEY=\n');
    expect(statSync(env).mode & 0o777).toBe(0o600);
    const rotated = await run(['rotate', REF, '--yes']);
    expect(rotated.code, rotated.stdout + rotated.stderr).toBe(0);
    expect(readFileSync(env, 'utf8')).toBe(`NEXORA_API_KEY=${await currentSecret()}\n`);
  });

  it('forbids a half-done swap: a file removed after it was added stops the swap before any target is written', async () => {
    const { run, dir, old, oldKeyStatus, currentSecret } = await vaultWithKey();
    const first = join(dir, 'a.env');
    const second = join(dir, 'b.env');
    writeFileSync(first, `NEXORA_API_KEY=${old.secret}\n`);
    writeFileSync(second, `NEXORA_API_KEY=${old.secret}\n`);
    expect((await run(['target', 'add', REF, 'dotenv', first, 'NEXORA_API_KEY'])).code).toBe(0);
    expect((await run(['target', 'add', REF, 'dotenv', second, 'NEXORA_API_KEY'])).code).toBe(0);
    unlinkSync(second);
    const rotated = await run(['rotate', REF, '--yes']);
    expectStoppedAtSwap(rotated, new RegExp(`1 target\\(s\\) cannot take the new key, so it was written to none: NEXORA_API_KEY in ${second}: ${second} does not exist`));
    expect(rotated.stdout + rotated.stderr).not.toMatch(/ENOENT/);
    expect(readFileSync(first, 'utf8')).toBe(`NEXORA_API_KEY=${old.secret}\n`);
    expect(backupsOf(first)).toEqual([]);
    expect(oldKeyStatus()).toBe('active');

    writeFileSync(second, `NEXORA_API_KEY=${old.secret}\n`);
    const resumed = await run(['rotate', REF, '--resume', '--yes']);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    const fresh = await currentSecret();
    for (const file of [first, second]) expect(readFileSync(file, 'utf8')).toBe(`NEXORA_API_KEY=${fresh}\n`);
  });

  it('forbids a half-done swap: a command target whose program is gone stops the swap before the .env is written', async () => {
    const { run, dir, old, oldKeyStatus } = await vaultWithKey();
    const env = join(dir, '.env');
    const program = join(dir, 'store-key.sh');
    writeFileSync(env, `NEXORA_API_KEY=${old.secret}\n`);
    writeFileSync(program, '#!/bin/sh\ncat >/dev/null\n', { mode: 0o755 });
    expect((await run(['target', 'add', REF, 'dotenv', env, 'NEXORA_API_KEY'])).code).toBe(0);
    expect((await run(['target', 'add', REF, 'command', '--', program])).code).toBe(0);
    unlinkSync(program);
    const rotated = await run(['rotate', REF, '--yes']);
    expectStoppedAtSwap(rotated, /cannot take the new key, so it was written to none: command .*store-key\.sh: command not found/);
    expect(readFileSync(env, 'utf8')).toBe(`NEXORA_API_KEY=${old.secret}\n`);
    expect(oldKeyStatus()).toBe('active');
  });

  it('forbids a command target whose program does not exist', async () => {
    const { run, targets } = await vaultWithKey();
    const added = await run(['target', 'add', REF, 'command', '--', 'no-such-program-here', 'put']);
    expect(added.code).toBe(2);
    expect(added.stderr).toBe('keyturn: command not found: no-such-program-here is not on PATH; give its full path, or install it: nothing was added\n');
    expect(await targets()).toEqual([]);
  });

  it('keeps the backup of the file as it was before this rotation, and removes it once the rotation finished', async () => {
    const { run, dir, old, currentSecret, targets } = await vaultWithKey();
    const env = join(dir, '.env');
    const backup = () => backupsOf(env)[0] ?? `${env}.keyturn-backup-none`;
    // Two targets in one file: the second write must not replace the backup with the first's result.
    writeFileSync(env, `NEXORA_API_KEY=${old.secret}\nNEXORA_KEY_AGAIN=${old.secret}\n`);
    expect((await run(['target', 'add', REF, 'dotenv', env, 'NEXORA_API_KEY'])).code).toBe(0);
    expect((await run(['target', 'add', REF, 'dotenv', env, 'NEXORA_KEY_AGAIN'])).code).toBe(0);

    const first = await run(['rotate', REF, '--yes']);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(backupsOf(env)).toEqual([]);

    // The second rotation stops in its swap, after both lines of the file were written: a third
    // target, a command that fails, comes last.
    const beforeSecond = readFileSync(env, 'utf8');
    const second = await currentSecret();
    expect(beforeSecond).toBe(`NEXORA_API_KEY=${second}\nNEXORA_KEY_AGAIN=${second}\n`);
    expect((await run(['target', 'add', REF, 'command', '--', 'false'])).code).toBe(0);
    const stopped = await run(['rotate', REF, '--yes']);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toMatch(/rotation stopped at swap failed: 1 target\(s\) could not be written: the command exited with 1/);
    expect(readFileSync(env, 'utf8')).not.toBe(beforeSecond);
    expect(backupsOf(env)).toHaveLength(1);
    expect(readFileSync(backup(), 'utf8')).toBe(beforeSecond);
    expect(statSync(backup()).mode & 0o777).toBe(0o600);

    const failing = (await targets()).find((t) => t.kind === 'command');
    expect((await run(['target', 'remove', REF, failing?.id ?? 'none'])).code).toBe(0);
    const resumed = await run(['rotate', REF, '--resume', '--yes']);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(backupsOf(env)).toEqual([]);
    const third = await currentSecret();
    expect(readFileSync(env, 'utf8')).toBe(`NEXORA_API_KEY=${third}\nNEXORA_KEY_AGAIN=${third}\n`);
  });

  it('two rotations of keys in one file keep their own backups: one finishing removes only its own', async () => {
    const { run, dir, old, targets, user } = await vaultWithKey();
    const other = emulators.nexora.control.createKey({ name: 'worker', userId: user.id });
    expect((await run(['key', 'add', 'nexora/acme/self', 'worker'], other.secret)).code).toBe(0);
    const env = join(dir, '.env');
    const original = `NEXORA_API_KEY=${old.secret}\nNEXORA_WORKER_KEY=${other.secret}\n`;
    writeFileSync(env, original);
    expect((await run(['target', 'add', REF, 'dotenv', env, 'NEXORA_API_KEY'])).code).toBe(0);
    expect((await run(['target', 'add', 'nexora/acme/self/worker', 'dotenv', env, 'NEXORA_WORKER_KEY'])).code).toBe(0);
    // The first rotation stops in its swap after writing the file (its last target fails). Both keys
    // were pasted in, from one Nexora account: which listed key is this one is said once.
    expect((await run(['target', 'add', REF, 'command', '--', 'false'])).code).toBe(0);
    expect((await run(['rotate', REF, '--yes', '--remote-id', old.id])).code).toBe(1);
    expect(backupsOf(env)).toHaveLength(1);
    const firstBackup = backupsOf(env)[0] ?? '';
    expect(readFileSync(firstBackup, 'utf8')).toBe(original);

    // Meanwhile the other key's rotation runs to its end: its backup goes, the first one's stays.
    const second = await run(['rotate', 'nexora/acme/self/worker', '--yes']);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(backupsOf(env)).toEqual([firstBackup]);
    expect(readFileSync(firstBackup, 'utf8')).toBe(original);

    const failing = (await targets()).find((t) => t.kind === 'command');
    expect((await run(['target', 'remove', REF, failing?.id ?? 'none'])).code).toBe(0);
    expect((await run(['rotate', REF, '--resume', '--yes'])).code).toBe(0);
    expect(backupsOf(env)).toEqual([]);
  });
});

/** The backups rotations keep of a file: `<file>.keyturn-backup-<rotation>`. */
function backupsOf(file: string): string[] {
  const folder = dirname(file);
  return readdirSync(folder)
    .filter((name) => name.startsWith(`${basename(file)}.keyturn-backup-`))
    .map((name) => join(folder, name));
}
