// A launcher ends as its command did: with its exit code, or killed by the same signal (so a
// caller sees "killed by SIGTERM", not "exited 0"); 128 + the signal's number where the signal
// does not end this process (one Node ignores, such as SIGPIPE), as shells report it.
import { constants } from 'node:os';

/** Ends this process with `code`, or by `signal` re-raised once every listener for it is removed. */
export function exitAs({ code, signal }) {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    process.exit(128 + (constants.signals[signal] ?? 0));
  }
  process.exit(code ?? 1);
}
