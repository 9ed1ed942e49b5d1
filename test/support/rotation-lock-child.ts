// Holds one rotation's lock in a process of its own until it is killed, for lock takeover tests.
// Usage: node --import tsx test/support/rotation-lock-child.ts HOME ROTATION-ID HOST
// Prints "held <pid>" once it owns the lock.
import { isProblem } from '../../electron/core/domain/problems/problem-error.js';
import { FileRotationLocks } from '../../electron/core/node/store/file-rotation-locks.js';

const [home, rotationId, host] = process.argv.slice(2);
if (!home || !rotationId || !host) throw new Error('usage: rotation-lock-child.ts HOME ROTATION-ID HOST');
await new FileRotationLocks(home, { host }).acquire(rotationId).catch((error: unknown) => {
  // Held by another: the problem, as data, for the test to read (not a stack trace).
  if (!isProblem(error)) throw error;
  process.stderr.write(`refused ${JSON.stringify(error.problem)}\n`);
  process.exit(1);
});
process.stdout.write(`held ${process.pid}\n`);
// Keeps the process (and the lock's refresh timer) alive until the test kills it.
setInterval(() => undefined, 60_000);
