import type * as z from 'zod';
import type { TargetDescription } from '../../kind-definition.js';
import type { injectTargetSchema } from './schema.js';

/** An inject target in words (apart from its schemas, so a window that only shows targets loads no zod). */
export function describeInject(t: z.infer<typeof injectTargetSchema>): TargetDescription {
  return { where: `${t.output} (rendered)`, full: `${t.output}, rendered from the template ${t.template}` };
}
