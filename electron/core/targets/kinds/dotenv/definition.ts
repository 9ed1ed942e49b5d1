import type { TargetKindDefinition } from '../../kind-definition.js';
import { describeDotenv } from './describe.js';
import { dotenvTargetSchema, newDotenvTargetSchema } from './schema.js';

/** A variable in a `.env` file: what is stored, what is given, how it reads. */
export const dotenvDefinition = {
  kind: 'dotenv',
  stored: dotenvTargetSchema,
  input: newDotenvTargetSchema,
  describe: describeDotenv,
} as const satisfies TargetKindDefinition<typeof dotenvTargetSchema, typeof newDotenvTargetSchema>;
