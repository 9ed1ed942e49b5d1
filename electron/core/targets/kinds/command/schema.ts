import * as z from 'zod';

/** A command that receives the key on its stdin (any secret manager's CLI), as stored in the vault. */
export const commandTargetSchema = z.looseObject({
  id: z.string(),
  kind: z.literal('command'),
  command: z.string(),
  args: z.array(z.string()),
  timeoutMs: z.number().int().positive().optional(),
});
export type CommandTarget = z.infer<typeof commandTargetSchema>;

/** What a person gives to add one: the program and its arguments, run without a shell. */
export const newCommandTargetSchema = z.object({ kind: z.literal('command'), command: z.string().min(1).max(4096), args: z.array(z.string().max(4096)).max(100) });
export type NewCommandTarget = z.infer<typeof newCommandTargetSchema>;
