import type * as z from 'zod';
import type { TargetDescription } from '../../kind-definition.js';
import type { dotenvTargetSchema } from './schema.js';

/** A `.env` target in words (apart from its schemas, so a window that only shows targets loads no zod). */
export function describeDotenv(t: z.infer<typeof dotenvTargetSchema>): TargetDescription {
  const where = `${t.variable} in ${t.file}`;
  return { where, full: `${where}${t.linkTo ? ` (a link to ${t.linkTo})` : ''}${t.createVariable ? ', appended if missing' : ''}` };
}
