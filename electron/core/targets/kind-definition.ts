import type * as z from 'zod';

/** A target in words: one wording for every host (the CLI, the app, the audit log, the rotation's journal). */
export interface TargetDescription {
  /** Where the key goes, in a few words ("API_KEY in /app/.env", "command vault"): audit details, the journal, lists of places. */
  where: string;
  /** Everything the person chose for it (the link it goes through, leave to append, the arguments): lists of targets. */
  full: string;
}

type KindedSchema = z.ZodObject<{ kind: z.ZodLiteral<string> } & z.ZodRawShape>;

/**
 * The pure part of a swap-target kind (no Node): how it is stored, what a person gives to add one,
 * and how it is described. The contract and the renderer see these; how a kind is checked and
 * written is in its module (registry.ts).
 */
export interface TargetKindDefinition<Stored extends KindedSchema, Input extends KindedSchema> {
  kind: z.infer<Stored>['kind'] & z.infer<Input>['kind'];
  /** The stored shape: loose, so fields a newer Keyturn wrote survive a write by this one. */
  stored: Stored;
  input: Input;
  describe(target: z.infer<Stored>): TargetDescription;
}
