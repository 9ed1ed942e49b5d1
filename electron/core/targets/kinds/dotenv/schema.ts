import * as z from 'zod';

/** A variable in a `.env` file, as stored in the vault. */
export const dotenvTargetSchema = z.looseObject({
  id: z.string(),
  kind: z.literal('dotenv'),
  /** Absolute, as the person saw it when adding the target. */
  file: z.string(),
  variable: z.string(),
  /** The file is reached through a link: where it led when the person accepted writing through it. */
  linkTo: z.string().optional(),
  /** The person allowed appending the variable when the file lacks it (--create-variable). */
  createVariable: z.boolean().optional(),
});
export type DotenvTarget = z.infer<typeof dotenvTargetSchema>;

/** What a person gives to add one. */
export const newDotenvTargetSchema = z.object({
  kind: z.literal('dotenv'),
  /** Relative to the working folder of whoever adds it; stored absolute. */
  file: z.string().min(1).max(4096),
  variable: z.string().min(1).max(200),
  /** Append the variable if the file lacks it (else such a file is refused). */
  createVariable: z.boolean().optional(),
  /** Create the file (0600, holding `VARIABLE=`) if nothing is at the path (else the path is refused). */
  createFile: z.boolean().optional(),
  /** The person saw that the path is a link (target.check) and accepted writing through it to this path. */
  confirmLinkTo: z.string().min(1).max(4096).optional(),
});
export type NewDotenvTarget = z.infer<typeof newDotenvTargetSchema>;
