import * as z from 'zod';
import { commandDefinition } from './kinds/command/definition.js';
import { dotenvDefinition } from './kinds/dotenv/definition.js';
import { injectDefinition } from './kinds/inject/definition.js';

/**
 * Every kind of swap target, one line each: what it stores, what it is given, how it reads. The
 * stored union, the input union and TargetKind are derived from this list, and registry.ts must
 * then say how each kind is checked and written (the compiler points at a kind it lacks).
 * The order is the stored schema's: the vault's rules hash pins it.
 */
export const TARGET_KIND_DEFINITIONS = [
  dotenvDefinition,
  commandDefinition,
  injectDefinition,
] as const;

/** One schema of each definition, in order: `map` forgets which element is which, the mapped tuple type keeps it. */
function schemasOf<T extends readonly [{ stored: z.ZodObject; input: z.ZodObject }, ...{ stored: z.ZodObject; input: z.ZodObject }[]], F extends 'stored' | 'input'>(definitions: T, part: F) {
  return definitions.map((d) => d[part]) as unknown as { -readonly [I in keyof T]: T[I][F] };
}
const storedSchemas = schemasOf(TARGET_KIND_DEFINITIONS, 'stored');
const inputSchemas = schemasOf(TARGET_KIND_DEFINITIONS, 'input');

/** Where a key is used, as stored: a variable in a `.env` file, a command that receives the key on stdin, … */
export const targetSchema = z.discriminatedUnion('kind', storedSchemas);
export type Target = z.infer<typeof targetSchema>;
export type TargetKind = Target['kind'];
export type TargetOf<K extends TargetKind> = Extract<Target, { kind: K }>;

/** What a person gives to add a target (the contract's `target.add` parses it with this). */
export const newTargetSchema = z.discriminatedUnion('kind', inputSchemas);
export type NewTarget = z.infer<typeof newTargetSchema>;
export type NewTargetOf<K extends TargetKind> = Extract<NewTarget, { kind: K }>;
