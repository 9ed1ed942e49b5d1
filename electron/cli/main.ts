import { fstatSync } from 'node:fs';
import { runCli } from './program.js';
import type { CliIo } from './io.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: () => readAll(process.stdin),
    // Loaded only on a terminal: the prompt library is large and scripts never need it.
  promptSecret: process.stdin.isTTY ? async (message) => (await import('@inquirer/prompts')).password({ message, mask: false }) : null,
  ask: process.stdin.isTTY ? async (message) => (await import('@inquirer/prompts')).input({ message }) : null,
  confirm: process.stdin.isTTY ? async (message) => (await import('@inquirer/prompts')).confirm({ message, default: false }) : null,
  env: process.env,
  sinks: { stdout: process.stdout, stderr: process.stderr, merged: sameDestination(1, 2), interactive: process.stdin.isTTY === true },
  endBySignal: (signal) => {
    endingSignal = signal;
  },
};

/** Two descriptors open on one file, pipe or terminal (what `2>&1` makes). */
function sameDestination(a: number, b: number): boolean {
  try {
    const [x, y] = [fstatSync(a), fstatSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

let endingSignal: NodeJS.Signals | null = null;
process.exitCode = await runCli(process.argv.slice(2), io);
if (endingSignal) {
  // Nothing listens for it any more, so the default action ends the process; the exit code set
  // above stands if the signal is ignored (a caller's `trap '' INT`).
  process.removeAllListeners(endingSignal);
  process.kill(process.pid, endingSignal);
}
