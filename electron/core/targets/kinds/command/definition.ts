import type { TargetKindDefinition } from '../../kind-definition.js';
import { describeCommand } from './describe.js';
import { commandTargetSchema, newCommandTargetSchema } from './schema.js';

/** A command that gets the key on stdin: what is stored, what is given, how it reads. */
export const commandDefinition = {
  kind: 'command',
  stored: commandTargetSchema,
  input: newCommandTargetSchema,
  describe: describeCommand,
} as const satisfies TargetKindDefinition<typeof commandTargetSchema, typeof newCommandTargetSchema>;
