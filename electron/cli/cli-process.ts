import { fstatSync } from 'node:fs';
import type * as InquirerPrompts from '@inquirer/prompts';
import type { CliIo } from './io.js';

/** The terminal prompt library (@inquirer/prompts), loaded on a terminal by the commands that ask. */
export type Prompts = Pick<typeof InquirerPrompts, 'password' | 'input' | 'confirm'>;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Two descriptors open on one file, pipe or terminal (what `2>&1` makes). */
function sameDestination(a: number, b: number): boolean {
  try {
    const [x, y] = [fstatSync(a), fstatSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Runs `run` as the process: on the real terminal, its code as the exit code, and a signal that
 * ended the command ending the process too. `loadPrompts` is null for a program that never asks.
 */
export async function runProcess(run: (argv: readonly string[], io: CliIo) => Promise<number>, loadPrompts: (() => Promise<Prompts>) | null): Promise<void> {
  let endingSignal: NodeJS.Signals | null = null;
  const prompts = process.stdin.isTTY ? loadPrompts : null;
  const io: CliIo = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    readStdin: () => readAll(process.stdin),
    // Loaded only on a terminal: the prompt library is large and scripts never need it.
    promptSecret: prompts ? async (message) => (await prompts()).password({ message, mask: false }) : null,
    ask: prompts ? async (message) => (await prompts()).input({ message }) : null,
    confirm: prompts ? async (message) => (await prompts()).confirm({ message, default: false }) : null,
    env: process.env,
    sinks: { stdout: process.stdout, stderr: process.stderr, merged: sameDestination(1, 2), interactive: process.stdin.isTTY === true },
    endBySignal: (signal) => {
      endingSignal = signal;
    },
  };
  process.exitCode = await run(process.argv.slice(2), io);
  if (endingSignal) {
    // Nothing listens for it any more, so the default action ends the process; the exit code set
    // above stands if the signal is ignored (a caller's `trap '' INT`).
    process.removeAllListeners(endingSignal);
    process.kill(process.pid, endingSignal);
  }
}
