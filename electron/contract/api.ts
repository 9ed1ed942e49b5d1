import type { CallArgs, CallResult, EventPayloads } from './contract.js';
import type { CallName, EventName } from './names.js';

type Camel<S extends string> = S extends `${infer Head}.${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** The renderer's API: one named method per call, one listener per event — the preload's shape exactly. */
export type KeyturnApi = {
  [N in CallName as Camel<N>]: (args: CallArgs<N>) => Promise<CallResult<N>>;
} & {
  [E in EventName as `on${Capitalize<Camel<E>>}`]: (listener: (payload: EventPayloads[E]) => void) => () => void;
};

/** How a failed call reaches the renderer: a sentence for the person, and whether it was their input. */
export interface CallFailure {
  kind: 'input' | 'failure';
  message: string;
}
