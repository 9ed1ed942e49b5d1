import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { FirstPass } from '../../../scan/key-matcher.js';
import { firstPassSearch, passOverFile, type FilePass, type FirstPassSearch, type FilePassTools, type ReadBuffer } from './file-pass.js';

/** What every thread of a scan passes files with: the size cap and the first pass's expression source. */
export interface PassSettings {
  maxBytes: number;
  firstPass: FirstPass;
}

interface Batch {
  id: number;
  files: string[];
}

interface Answer {
  id: number;
  outcomes: FilePass[];
}

/** The side of a worker's message port a thread serves on. */
interface Port {
  on(event: 'message', listener: (batch: Batch) => void): void;
  postMessage(answer: Answer): void;
}

/** A worker's loop: each batch of paths it is sent, passed in order, answered at once. Self-contained, like passOverFile. */
function serveBatches(port: Port, settings: PassSettings, tools: FilePassTools, pass: typeof passOverFile, search: typeof firstPassSearch): void {
  const firstPass = search(settings.firstPass);
  const buffer = { bytes: Buffer.allocUnsafe(1 << 16) };
  port.on('message', (batch) => {
    port.postMessage({ id: batch.id, outcomes: batch.files.map((file) => pass(tools, buffer, file, settings.maxBytes, firstPass)) });
  });
}

/**
 * The worker's program, made of these functions' own text: it needs no file of its own, so it
 * runs the same from the sources (tests, tsx), the CLI's bundle and the app's (no entry to build
 * or to find next to a bundle). `__name` stands in for the helper a build that keeps function
 * names may wrap a function in.
 */
const WORKER_SOURCE = [
  "'use strict';",
  'const __name = (f) => f;',
  "const { parentPort, workerData } = require('node:worker_threads');",
  "const tools = { fs: require('node:fs'), isAscii: require('node:buffer').isAscii };",
  `const passOverFile = (${passOverFile.toString()});`,
  `const firstPassSearch = (${firstPassSearch.toString()});`,
  `(${serveBatches.toString()})(parentPort, workerData, tools, passOverFile, firstPassSearch);`,
].join('\n');

/** How many batches a thread holds at once: one to pass, one ready for when it is done. */
const IN_FLIGHT = 2;

interface Thread {
  worker: Worker;
  waiting: Map<number, { files: string[]; done: (outcomes: FilePass[]) => void }>;
  alive: boolean;
}

/**
 * Worker threads that pass files (passOverFile), each batch to a thread that asks for one. A thread that fails (it could not start, it ran out of memory) hands its batches back to
 * this thread, which passes them itself: a scan never loses a file to a thread.
 */
export class FilePassPool {
  private readonly threads: Thread[];
  private next = 0;
  /** How many batches worker threads answered (the rest, if any, this thread passed itself). */
  answeredByThreads = 0;
  private readonly queued: { files: string[]; done: (outcomes: FilePass[]) => void }[] = [];
  private readonly local: { tools: FilePassTools; buffer: ReadBuffer; firstPass: FirstPassSearch };

  constructor(
    size: number,
    private readonly settings: PassSettings,
  ) {
    this.local = { tools: { fs, isAscii }, buffer: { bytes: Buffer.allocUnsafe(1 << 16) }, firstPass: firstPassSearch(settings.firstPass) };
    this.threads = Array.from({ length: size }, () => this.start());
  }

  /** The outcome of each file, in the order given. */
  pass(files: string[]): Promise<FilePass[]> {
    return new Promise((done) => {
      this.queued.push({ files, done });
      this.dispatch();
    });
  }

  /**
   * Batches go to threads as they ask (at most IN_FLIGHT each), not all at once: a thread the
   * machine gives less time to takes fewer, and none waits on another's backlog.
   */
  private dispatch(): void {
    for (;;) {
      const alive = this.threads.filter((t) => t.alive);
      if (alive.length === 0) {
        for (const { files, done } of this.queued.splice(0)) done(this.passHere(files));
        return;
      }
      const thread = alive.reduce((best, t) => (t.waiting.size < best.waiting.size ? t : best));
      if (thread.waiting.size >= IN_FLIGHT) return;
      const batch = this.queued.shift();
      if (!batch) return;
      const id = this.next++;
      thread.waiting.set(id, batch);
      thread.worker.postMessage({ id, files: batch.files } satisfies Batch);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private start(): Thread {
    // No flags of this process (a loader such as tsx): the worker's program is plain JavaScript and needs none.
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: this.settings, execArgv: [] });
    const thread: Thread = { worker, waiting: new Map(), alive: true };
    worker.on('message', ({ id, outcomes }: Answer) => {
      const waiting = thread.waiting.get(id);
      thread.waiting.delete(id);
      this.answeredByThreads++;
      waiting?.done(outcomes);
      this.dispatch();
    });
    const fail = () => {
      if (!thread.alive) return;
      thread.alive = false;
      for (const { files, done } of thread.waiting.values()) done(this.passHere(files));
      thread.waiting.clear();
      this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    return thread;
  }

  private passHere(files: string[]): FilePass[] {
    const { tools, buffer, firstPass } = this.local;
    return files.map((file) => passOverFile(tools, buffer, file, this.settings.maxBytes, firstPass));
  }
}
