import type { TargetKindDefinition } from '../../kind-definition.js';
import { dotenvTargetSchema, newDotenvTargetSchema } from './schema.js';

/** A variable in a `.env` file: what is stored, what is given, how it reads. */
export const dotenvDefinition = {
  kind: 'dotenv',
  stored: dotenvTargetSchema,
  input: newDotenvTargetSchema,
  describe: (t) => {
    const where = `${t.variable} in ${t.file}`;
    return { where, full: `${where}${t.linkTo ? ` (a link to ${t.linkTo})` : ''}${t.createVariable ? ', appended if missing' : ''}` };
  },
} as const satisfies TargetKindDefinition<typeof dotenvTargetSchema, typeof newDotenvTargetSchema>;
