import * as z from 'zod';

/**
 * A file rendered from a template by `keyturn inject` (`{{ keyturn://… }}` stands for a secret):
 * a rotation renders it again from its template, with the new key, as stored in the vault.
 */
export const injectTargetSchema = z.looseObject({
  id: z.string(),
  kind: z.literal('inject'),
  /** Absolute: the template, which holds references and no secret. */
  template: z.string(),
  /** Absolute: the rendered file, which holds the secrets (mode 0600). */
  output: z.string(),
});
export type InjectTarget = z.infer<typeof injectTargetSchema>;

/** What a person gives to add one: the template and the file rendered from it (relative paths are made full). */
export const newInjectTargetSchema = z.object({ kind: z.literal('inject'), template: z.string().min(1).max(4096), output: z.string().min(1).max(4096) });
export type NewInjectTarget = z.infer<typeof newInjectTargetSchema>;
