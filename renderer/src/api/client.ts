import type { KeyturnApi } from '../../../electron/contract/api.js';
import { CALL_NAMES, EVENT_NAMES, listenerOf, methodOf } from '../../../electron/contract/names.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    keyturn?: KeyturnApi;
  }
}

/** A call that failed: `input` means the person can fix it; the message says how. */
export class CallError extends Error {
  constructor(
    message: string,
    readonly kind: 'input' | 'failure',
  ) {
    super(message);
  }
}

/** Browser mode: the same named methods over loopback HTTP (the session cookie rides along). */
function browserClient(): KeyturnApi {
  const api: Record<string, unknown> = {};
  for (const name of CALL_NAMES) {
    api[methodOf(name)] = async (args: unknown) => {
      const response = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args ?? {}), credentials: 'same-origin' });
      const reply = (await response.json().catch(() => null)) as { ok: true; result: unknown } | { ok: false; error: { kind: 'input' | 'failure'; message: string } } | null;
      if (!reply) throw new CallError(`Keyturn did not answer (${response.status}); restart it and reload`, 'failure');
      if (!reply.ok) throw new CallError(reply.error.message, reply.error.kind);
      return reply.result;
    };
  }
  // Connected at start, so no event is missed while a screen subscribes.
  const source = new EventSource('/api/events');
  for (const event of EVENT_NAMES) {
    api[listenerOf(event)] = (listener: (payload: unknown) => void) => {
      const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data));
      source.addEventListener(event, handler);
      return () => source.removeEventListener(event, handler);
    };
  }
  return api as KeyturnApi;
}

export const api: KeyturnApi = window.keyturn ?? browserClient();
export const isDesktop = window.keyturn !== undefined;
