import type { CallReply, KeyturnApi, KeyturnBridge } from '../../../electron/contract/api.js';
import { PROBLEM_KINDS, asProblem, type Problem, type ProblemKind } from '../../../electron/contract/problems.js';
import { appProblemText } from '../problems/wordings.js';
import { CALL_NAMES, EVENT_NAMES, listenerOf, methodOf } from '../../../electron/contract/names.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    keyturn?: KeyturnBridge;
  }
}

/**
 * A call that failed: `input` means the person can fix it; the message (the app's wording of the
 * problem) says how, and `problem.field`, when there is one, names the field it belongs next to.
 */
export class CallError extends Error {
  constructor(
    readonly problem: Problem,
    readonly kind: ProblemKind,
  ) {
    super(appProblemText(problem));
  }
}

function unwrap(reply: CallReply<unknown> | null, status: string): unknown {
  if (!reply) throw new CallError({ code: 'unexpected', detail: `Keyturn did not answer (${status}); restart it and reload` }, 'failure');
  if (!reply.ok) {
    // The host is ours, but what crosses a boundary is parsed: an unknown code is shown as unexpected.
    const p: Problem = asProblem(reply.error.problem) ?? { code: 'unexpected', detail: 'the vault answered with a problem this window does not know; reload it' };
    throw new CallError(p, PROBLEM_KINDS[p.code]);
  }
  return reply.result;
}

/**
 * The host could not be reached at all: in browser mode the Keyturn process stopped (a fetch that
 * fails to connect, an event stream that cannot reconnect). A situation, not a problem from the
 * host: the page words it (HOST_STOPPED_TEXT, renderer/src/ui/format.ts) and shows it once; no call
 * is tried after it. Its message is a programmer's and is never shown.
 */
export class HostStopped extends Error {
  constructor() {
    super('the host stopped');
  }
}

/** Whether the host still answers; once stopped, it stays stopped for this page (a new host has a new session). */
export type HostState = 'running' | 'stopped';

let hostState: HostState = 'running';
const stateListeners = new Set<(state: HostState) => void>();

function markStopped(): void {
  if (hostState === 'stopped') return;
  hostState = 'stopped';
  for (const listener of stateListeners) listener(hostState);
}

/** Tells the listener once the host stops (at once if it has already). */
export function onHostStopped(listener: () => void): () => void {
  if (hostState === 'stopped') {
    listener();
    return () => undefined;
  }
  const wrapped = () => listener();
  stateListeners.add(wrapped);
  return () => stateListeners.delete(wrapped);
}

type Send = (name: (typeof CALL_NAMES)[number], args: unknown) => Promise<unknown>;
type Subscribe = (event: (typeof EVENT_NAMES)[number], listener: (payload: unknown) => void) => () => void;

/** The same KeyturnApi over whichever host is there; only sending and subscribing differ. */
function clientOver(send: Send, subscribe: Subscribe): KeyturnApi {
  const api: Record<string, unknown> = {};
  for (const name of CALL_NAMES) api[methodOf(name)] = (args: unknown) => send(name, args ?? {});
  for (const event of EVENT_NAMES) api[listenerOf(event)] = (listener: (payload: unknown) => void) => subscribe(event, listener);
  return api as KeyturnApi;
}

/** The desktop app: the preload's named methods, over IPC. */
function desktopClient(bridge: KeyturnBridge): KeyturnApi {
  const methods = bridge as unknown as Record<string, (args: unknown) => Promise<CallReply<unknown>>>;
  const listeners = bridge as unknown as Record<string, (listener: (payload: unknown) => void) => () => void>;
  return clientOver(
    async (name, args) => unwrap(await methods[methodOf(name)]?.(args) ?? null, 'no such method'),
    (event, listener) => listeners[listenerOf(event)]?.(listener) ?? (() => undefined),
  );
}

/** How browser mode reaches its host: made on purpose so a test can stand a stopped host in. */
export interface BrowserTransport {
  fetch: typeof fetch;
  openEvents(): EventSource;
}

const realTransport: BrowserTransport = { fetch: (...a) => fetch(...a), openEvents: () => new EventSource('/api/events') };

/**
 * Browser mode: the same calls over loopback HTTP (the session cookie rides along). A request
 * that cannot connect means the host stopped: from then on every call rejects with HostStopped at
 * once and the event stream is closed, so the page does not retry in a loop.
 */
export function browserClient(transport: BrowserTransport = realTransport): KeyturnApi {
  // Connected at start, so no event is missed while a screen subscribes.
  const source = transport.openEvents();
  // A page being left (reloaded, navigated away) cuts its own requests: that is not the host stopping.
  let leaving = false;
  const leave = () => {
    leaving = true;
  };
  window.addEventListener('beforeunload', leave);
  window.addEventListener('pagehide', leave);
  const stop = () => {
    if (leaving) return;
    source.close();
    markStopped();
  };
  // EventSource reconnects by itself after an error, every few seconds, forever. One request
  // tells whether the host is still there (any answer, even a refusal, means it is).
  source.addEventListener('error', () => {
    if (hostState === 'stopped') return source.close();
    void transport.fetch('/api/events', { method: 'HEAD', credentials: 'same-origin' }).then(
      () => undefined,
      () => stop(),
    );
  });
  return clientOver(
    async (name, args) => {
      if (hostState === 'stopped') throw new HostStopped();
      let response: Response;
      try {
        response = await transport.fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args), credentials: 'same-origin' });
      } catch {
        // fetch rejects (TypeError: Failed to fetch) only when no answer came at all.
        stop();
        throw new HostStopped();
      }
      return unwrap((await response.json().catch(() => null)) as CallReply<unknown> | null, String(response.status));
    },
    (event, listener) => {
      const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data));
      source.addEventListener(event, handler);
      return () => source.removeEventListener(event, handler);
    },
  );
}

let host: KeyturnApi | null = null;

/**
 * The host every call goes to: the desktop bridge or browser mode's HTTP, made on first use (the
 * page's first call, at start). Hooks and the store ask for it when they call, so a test can put a
 * fake host in its place (`setHostApi`) before anything is rendered.
 */
export function hostApi(): KeyturnApi {
  host ??= window.keyturn ? desktopClient(window.keyturn) : browserClient();
  return host;
}

/** Puts a host in place of the real one (a test's fake, typed from the contract); null goes back to the real one. Either is taken as running. */
export function setHostApi(fake: KeyturnApi | null): void {
  host = fake;
  hostState = 'running';
}

export const isDesktop = window.keyturn !== undefined;
