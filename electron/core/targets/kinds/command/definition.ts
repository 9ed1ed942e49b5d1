import type { TargetKindDefinition } from '../../kind-definition.js';
import { commandTargetSchema, newCommandTargetSchema } from './schema.js';

/** A command that gets the key on stdin: what is stored, what is given, how it reads. */
export const commandDefinition = {
  kind: 'command',
  stored: commandTargetSchema,
  input: newCommandTargetSchema,
  describe: (t) => ({ where: `command ${t.command}`, full: `command ${[t.command, ...t.args].join(' ')} (key on stdin)` }),
} as const satisfies TargetKindDefinition<typeof commandTargetSchema, typeof newCommandTargetSchema>;
