// The floor of a tree scan in Node on this machine, for the scan bench (scan-tree.ts): the least a
// Node program can do over the same tree — walk it, read every file in two worker threads, run one
// expression over each — with none of keyturn scan's work besides (no .gitignore, no checks on the
// opened file, no binary test, no findings, no vault). Its time beside ripgrep's says how much of
// keyturn's ratio is Node's, not Keyturn's.
// node scan-floor.mjs TREE PATTERN  → prints the number of matches
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

if (isMainThread) {
  const [tree, pattern] = process.argv.slice(2);
  const threads = 2;
  const workers = Array.from({ length: threads }, () => new Worker(new URL(import.meta.url), { workerData: { pattern } }));
  let next = 0;
  let batch = [];
  const send = () => {
    workers[next++ % threads].postMessage(batch);
    batch = [];
  };
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') walk(path);
      } else if (entry.isFile()) {
        batch.push(path);
        if (batch.length === 200) send();
      }
    }
  };
  walk(tree);
  send();
  let matches = 0;
  let done = 0;
  for (const worker of workers) {
    worker.on('message', (n) => {
      matches += n;
      if (++done === threads) {
        process.stdout.write(`${matches}\n`);
        process.exit(0);
      }
    });
    worker.postMessage(null);
  }
} else {
  const expression = new RegExp(workerData.pattern, 'g');
  let matches = 0;
  parentPort.on('message', (files) => {
    if (files === null) return parentPort.postMessage(matches);
    for (const file of files) matches += (readFileSync(file).toString('latin1').match(expression) ?? []).length;
  });
}
