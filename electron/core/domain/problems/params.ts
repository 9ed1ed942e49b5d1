import * as z from 'zod';

/**
 * The only kinds of value a problem may carry. A problem crosses to every host and may be shown,
 * logged or sent over HTTP, so a parameter is one of these and nothing else: the catalogue test
 * checks every field of every problem against this list.
 */

/** A reference a person typed or Keyturn shows: PROVIDER/ORG/INSTANCE[/NAME], a key id, a rotation id. */
export const refParam = z.string();
/** A name: a provider's display name, an instance, a variable, a program. Never a secret. */
export const nameParam = z.string();
/** A file or folder path on this machine. */
export const pathParam = z.string();
/**
 * A value a person typed, shown back so they can see the mistake (a URL, a date, an id). It is
 * never meant to be a secret, but a key pasted into the wrong field is a mistake too: only
 * `typedBack` makes one, and it masks whatever looks like a key.
 */
export const inputParam = z.string().brand<'TypedBack'>();
export type TypedBack = z.infer<typeof inputParam>;

/** What a person typed, as a problem may show it (in a file of its own, without zod: see typed-back.ts). */
export { typedBack } from './typed-back.js';
/** Text from outside (a provider's answer, an OS error code), already escaped of control characters. */
export const outsideTextParam = z.string();
/** Where in a structure something is wrong (`keys.0.expiresOn`): a path of names, never a value. */
export const schemaPathParam = z.string();
/** The form a value must take ("https://host/api", "YYYY-MM-DD"). */
export const formParam = z.string();
export const countParam = z.number();

/**
 * A key as providers show it: a prefix and an ellipsis, never enough to use. The brand makes a raw
 * secret impossible to pass where a problem wants a key: only `maskedText` produces one.
 */
export const maskedParam = z.string().brand<'MaskedText'>();
export type MaskedText = z.infer<typeof maskedParam>;

/** Marks text that is already masked (a key record's `maskedKey`, the output of maskSecret). */
export function maskedText(alreadyMasked: string): MaskedText {
  return alreadyMasked as MaskedText;
}

/** Every schema a problem field may use (the catalogue test walks fields against it). */
export const PARAM_SCHEMAS: readonly z.ZodType[] = [refParam, nameParam, pathParam, schemaPathParam, inputParam, outsideTextParam, formParam, countParam, maskedParam];

/**
 * The input a problem is about, so a form can show the message next to it. Named for what the
 * person fills in, not for a flag: each host maps it to its own field or flag.
 */
export const fieldParam = z.enum([
  'provider',
  'org',
  'instance',
  'env',
  'baseUrl',
  'verifyPath',
  'projectId',
  'dashboardUrl',
  'name',
  'secret',
  'expires',
  'file',
  'variable',
  'command',
  'prefix',
  'pattern',
  'ref',
  'remoteId',
  'confirmName',
  'days',
  'leaked',
]);
export type ProblemField = z.infer<typeof fieldParam>;
