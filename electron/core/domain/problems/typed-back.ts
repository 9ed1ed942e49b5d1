import type * as z from 'zod';

/*
 * `typedBack` apart from the parameter schemas (params.ts): the schemas are zod, which a command
 * on the CLI's fast path (`key get`, `read`, `run`) never loads; a problem it throws still shows
 * what was typed through this one function.
 */

/** What a person typed, made safe to show: the type params.ts's `inputParam` infers (the compiler holds the two together wherever a problem takes one), written here as a type only, so no zod is loaded. */
export type TypedBack = string & z.$brand<'TypedBack'>;

/** A run of key characters this long is taken for a key: every provider's keys are longer. */
const KEY_LIKE = /[A-Za-z0-9_-]{20,}/g;

/** A UUID (a Nexora key id, a vault id's form) is an id a person reads back, not a key. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a person typed, as a problem may show it: any key-like run cut to its first 8 characters. */
export function typedBack(typed: string): TypedBack {
  return typed.replace(KEY_LIKE, (run) => (UUID.test(run) ? run : `${run.slice(0, 8)}…`)) as TypedBack;
}
