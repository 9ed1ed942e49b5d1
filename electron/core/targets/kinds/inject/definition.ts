import type { TargetKindDefinition } from '../../kind-definition.js';
import { describeInject } from './describe.js';
import { injectTargetSchema, newInjectTargetSchema } from './schema.js';

/** A file rendered from a template by `keyturn inject`: what is stored, what is given, how it reads. */
export const injectDefinition = {
  kind: 'inject',
  stored: injectTargetSchema,
  input: newInjectTargetSchema,
  describe: describeInject,
} as const satisfies TargetKindDefinition<typeof injectTargetSchema, typeof newInjectTargetSchema>;
