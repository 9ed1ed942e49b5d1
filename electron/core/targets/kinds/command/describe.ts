import type * as z from 'zod';
import type { TargetDescription } from '../../kind-definition.js';
import type { commandTargetSchema } from './schema.js';

/** A command target in words (apart from its schemas, so a window that only shows targets loads no zod). */
export function describeCommand(t: z.infer<typeof commandTargetSchema>): TargetDescription {
  return { where: `command ${t.command}`, full: `command ${[t.command, ...t.args].join(' ')} (key on stdin)` };
}
