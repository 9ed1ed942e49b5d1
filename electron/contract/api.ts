import type { Problem, ProblemKind } from './problems.js';
import type { CallArgs, CallResult, EventPayloads } from './contract.js';
import type { CallName, EventName } from './names.js';

type Camel<S extends string> = S extends `${infer Head}.${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

type Listeners = {
  [E in EventName as `on${Capitalize<Camel<E>>}`]: (listener: (payload: EventPayloads[E]) => void) => () => void;
};

/** The renderer's API: one named method per call, one listener per event. */
export type KeyturnApi = {
  [N in CallName as Camel<N>]: (args: CallArgs<N>) => Promise<CallResult<N>>;
} & Listeners;

/**
 * How a failed call reaches the renderer: the problem (a code and its parameters), which the
 * renderer words for the person and shows next to the field it names, and what kind it is.
 */
export interface CallFailure {
  kind: ProblemKind;
  problem: Problem;
}

/**
 * What every host answers a call with, over IPC and over HTTP alike. An envelope rather than a
 * thrown error because Electron rewrites errors crossing IPC ("Error invoking remote method…")
 * and drops everything but the message.
 */
export type CallReply<T> = { ok: true; result: T } | { ok: false; error: CallFailure };

/** What the Electron preload exposes as `window.keyturn`: the same named methods, answering envelopes. */
export type KeyturnBridge = {
  [N in CallName as Camel<N>]: (args: CallArgs<N>) => Promise<CallReply<CallResult<N>>>;
} & Listeners;
