/** Waits, for polls. Injected so tests can run polls without waiting the real time. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks `check` until it answers true or `timeoutMs` has passed, waiting longer each time
 * (500 ms doubling to 5 s). Returns whether it ever answered true.
 */
export async function pollUntil(check: () => Promise<boolean>, timeoutMs: number, sleep: Sleep, now: () => number = Date.now): Promise<boolean> {
  const deadline = now() + timeoutMs;
  let delay = 500;
  for (;;) {
    if (await check()) return true;
    const left = deadline - now();
    if (left <= 0) return false;
    await sleep(Math.min(delay, left));
    delay = Math.min(delay * 2, 5_000);
  }
}
