import { fail } from '../domain/problems/problem-error.js';
import { typedBack } from '../domain/problems/typed-back.js';
import { lineAt, lineStartsOf } from './text-lines.js';

/*
 * `keyturn://` references: a name for a key that holds no secret, resolved only when a process
 * starts (`keyturn run`, `keyturn inject`) or a person asks (`keyturn read`). Pure: no Node, no zod,
 * so the renderer (Copy reference) and the CLI's fast path share it.
 */

export const REFERENCE_SCHEME = 'keyturn://';

/** What a reference names: a key by its ref (follows rotations: the name moves to the new key) or by its id (one key, for ever). */
export type ParsedReference = { by: 'name'; ref: string } | { by: 'id'; keyId: string };

/** The form a person is shown when a reference is malformed. */
export const REFERENCE_FORM = 'keyturn://PROVIDER/ORG/INSTANCE/NAME or keyturn://id/KEY-ID';

/** A name segment as the vault allows it; a provider may be `custom:NAME`. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const PROVIDER = /^(?:custom:)?[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The reference of a key's ref (`PROVIDER/ORG/INSTANCE/NAME`). */
export function referenceFor(ref: string): string {
  return `${REFERENCE_SCHEME}${ref}`;
}

/** The reference of one key by its id: it does not follow a rotation. */
export function referenceById(keyId: string): string {
  return `${REFERENCE_SCHEME}id/${keyId}`;
}

/** Whether a value is meant as a reference (then it must parse, or it is refused: never passed on as it is). */
export function isReference(value: string): boolean {
  return value.startsWith(REFERENCE_SCHEME);
}

/** A reference's parts, or null when it is not one (no scheme, wrong shape). */
export function tryParseReference(text: string): ParsedReference | null {
  if (!isReference(text)) return null;
  const segments = text.slice(REFERENCE_SCHEME.length).split('/');
  if (segments.length === 2 && segments[0] === 'id' && SEGMENT.test(segments[1] ?? '')) return { by: 'id', keyId: segments[1] as string };
  if (segments.length !== 4) return null;
  const [provider, org, instance, name] = segments as [string, string, string, string];
  if (!PROVIDER.test(provider) || ![org, instance, name].every((s) => SEGMENT.test(s))) return null;
  return { by: 'name', ref: `${provider}/${org}/${instance}/${name}` };
}

/** A reference's parts; a malformed one is refused with the form it must take. */
export function parseReference(text: string): ParsedReference {
  const parsed = tryParseReference(text);
  if (!parsed) fail('reference.malformed', { field: 'ref', value: typedBack(text), form: REFERENCE_FORM });
  return parsed;
}

/** What a reference is looked up by in the vault: the key's ref, or its id (findKey takes either). */
export function lookupOf(parsed: ParsedReference): string {
  return parsed.by === 'name' ? parsed.ref : parsed.keyId;
}

/** A reference written in a text (a config file, a template), where it is. Columns and lines are 1-based. */
export interface ReferenceInText {
  reference: string;
  parsed: ParsedReference;
  line: number;
  column: number;
  /** Offsets in the text of the reference itself. */
  start: number;
  end: number;
}

// A reference ends where a character no segment may hold begins (a quote, a space, `}`, `,`).
const IN_TEXT = /keyturn:\/\/[A-Za-z0-9:._/-]+/g;

/** Every well-formed reference in a text, in order (a malformed `keyturn://…` is left out: a scan records only what names a key). */
export function findReferencesInText(text: string): ReferenceInText[] {
  const found: ReferenceInText[] = [];
  const lineStarts = lineStartsOf(text);
  for (const match of text.matchAll(IN_TEXT)) {
    // A sentence's full stop is not part of the name.
    const reference = match[0].replace(/[.]+$/, '');
    const parsed = tryParseReference(reference);
    if (!parsed) continue;
    const start = match.index;
    const line = lineAt(lineStarts, start);
    found.push({ reference, parsed, line, column: start - (lineStarts[line - 1] as number) + 1, start, end: start + reference.length });
  }
  return found;
}
