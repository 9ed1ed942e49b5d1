import * as z from 'zod';
import { countParam, formParam, inputParam, nameParam, outsideTextParam, pathParam, refParam } from './params.js';

const env = z.enum(['sandbox', 'production']);

/**
 * Where a reference was used, so the message names it: the variable it was to fill, and the file
 * and line it was written on (`source`: a dotenv file, a `VAR=REF` assignment given on the command
 * line, a template, or the reference given alone). Absent parts are unknown.
 */
const use = {
  variable: nameParam.optional(),
  source: z.enum(['file', 'assignment', 'template', 'argument']).optional(),
  file: pathParam.optional(),
  line: countParam.optional(),
};

/** Problems resolving `keyturn://` references (run, inject, read). */
export const referenceProblems = [
  /** Not `keyturn://PROVIDER/ORG/INSTANCE/NAME` or `keyturn://id/KEY-ID` (`value` is what was written). */
  z.object({ code: z.literal('reference.malformed'), field: z.literal('ref'), value: inputParam, form: formParam, ...use }),
  /** Nothing in this vault by that name or id (`missing`: which part is not there). */
  z.object({ code: z.literal('reference.key-missing'), field: z.literal('ref'), reference: refParam, missing: z.enum(['instance', 'key', 'id']), ...use }),
  /**
   * The key is there but must not be handed out: revoked, expired, replaced by a rotation (a
   * reference by id to the old key; `replacedBy` is the ref that now holds its name), or a
   * rotation's pending key, not yet proven.
   */
  z.object({ code: z.literal('reference.key-unusable'), field: z.literal('ref'), reference: refParam, status: z.enum(['revoked', 'expired', 'previous', 'pending']), replacedBy: refParam.optional(), ...use }),
  /**
   * The environment guard: the key is of the other environment than the one declared (`declaredBy`:
   * the person's option, or a `# keyturn: environment=` line at `declarationFile:declarationLine`).
   */
  z.object({
    code: z.literal('reference.environment-mismatch'),
    field: z.literal('env'),
    reference: refParam,
    keyEnvironment: env,
    declared: env,
    declaredBy: z.enum(['option', 'file']),
    declarationFile: pathParam.optional(),
    declarationLine: countParam.optional(),
    ...use,
  }),
  /** A `# keyturn: environment=…` line whose value is neither sandbox nor production. */
  z.object({ code: z.literal('reference.declaration-malformed'), field: z.literal('env'), file: pathParam, line: countParam, value: inputParam }),
  /** Two files declare different environments for one run. */
  z.object({
    code: z.literal('reference.declarations-conflict'),
    field: z.literal('env'),
    file: pathParam,
    line: countParam,
    declared: env,
    otherFile: pathParam,
    otherLine: countParam,
    otherDeclared: env,
  }),
  /**
   * The key's secret could not be read (`reason`: the keychain is locked, unreachable, failed the
   * read, or holds no secret for the key). Nothing ran.
   */
  z.object({
    code: z.literal('reference.secret-unreadable'),
    reference: refParam,
    keyRef: refParam,
    reason: z.enum(['locked', 'unavailable', 'read-failed', 'secret-missing']),
    detail: outsideTextParam.optional(),
    ...use,
  }),
] as const;

export type ReferenceProblem = z.infer<(typeof referenceProblems)[number]>;
