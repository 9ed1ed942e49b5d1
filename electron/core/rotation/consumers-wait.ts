import type { StepContext } from './context.js';

/** How often the leases are read again while a rotation waits for processes to let the old key go. */
const POLL_MS = 200;
/** How long a rotation waits, by default, for processes started with the old key to exit before it asks. */
export const DEFAULT_CONSUMER_WAIT_MS = 30_000;

/**
 * Before the old key is revoked: the processes `keyturn run` started with it (their references
 * resolved just before the verify step moved the name) are waited for, up to the bound, so a
 * short-lived consumer finishes on the key it was given. What still holds it then is returned as
 * warnings (host-neutral words) for the confirmation before the revoke: restarting them gives them
 * the new key. Counted in polls, not by the clock, so a test's sleep that does not wait ends it too.
 */
export async function processesHoldingOldKey(ctx: StepContext): Promise<string[]> {
  const consumers = ctx.deps.consumers;
  if (!consumers) return [];
  const { oldKey } = ctx.state();
  let holders = await consumers.holding(oldKey.id);
  const polls = Math.ceil((ctx.options.consumerWaitMs ?? DEFAULT_CONSUMER_WAIT_MS) / POLL_MS);
  for (let poll = 0; holders.length > 0 && poll < polls; poll++) {
    if (poll === 0) ctx.interaction.progress({ step: 'revoke', status: 'running', detail: `waiting for ${holders.length} process(es) started by keyturn run with the old key to exit` });
    await ctx.deps.sleep(POLL_MS);
    holders = await consumers.holding(oldKey.id);
  }
  if (holders.length === 0) return [];
  const list = holders.map((h) => `pid ${h.pid} (${h.program})`).join(', ');
  return [`${holders.length} process(es) started by keyturn run still hold the old key: ${list}; restart them so they take the new key, or they fail once it is revoked`];
}
