import * as z from 'zod';
import { countParam, inputParam, outsideTextParam, pathParam, refParam } from './params.js';

/**
 * Problems rendering a template with `keyturn inject`, and of its swap targets (a rotation renders
 * the output again). A reference in the template that does not resolve is a `reference.*` problem.
 */
export const injectProblems = [
  /** `{{ keyturn:` opens a placeholder that is not closed by `}}` on the same line (`value`: the rest of that line). */
  z.object({ code: z.literal('inject.placeholder-unclosed'), value: inputParam, file: pathParam.optional(), line: countParam }),
  /** The template could not be read (`reason`: it does not exist, is no regular file, is too large, …). */
  z.object({ code: z.literal('inject.template-unreadable'), field: z.literal('file'), path: pathParam, reason: outsideTextParam }),
  /**
   * OUTPUT exists and Keyturn did not write it (`why`: no record says Keyturn wrote it; or it did,
   * but the file was changed since): it is not replaced without the person's say-so.
   */
  z.object({ code: z.literal('inject.output-foreign'), field: z.literal('file'), path: pathParam, why: z.enum(['not-recorded', 'edited']) }),
  /** OUTPUT is no regular file (`what`: a folder, a symbolic link, a device, …). */
  z.object({ code: z.literal('inject.output-not-regular'), field: z.literal('file'), path: pathParam, what: outsideTextParam }),
  z.object({ code: z.literal('inject.output-no-folder'), field: z.literal('file'), path: pathParam, folder: pathParam }),
  /** OUTPUT is the template itself: rendering would replace the references with the secrets. */
  z.object({ code: z.literal('inject.output-is-template'), field: z.literal('file'), path: pathParam }),
  /** Writing OUTPUT (or its ownership record) failed (`osCode`: the OS's error code). Nothing was replaced. */
  z.object({ code: z.literal('inject.output-write-failed'), field: z.literal('file'), path: pathParam, osCode: outsideTextParam }),
  /** Recording the output as a swap target needs a template file and an output file (not stdin and stdout). */
  z.object({ code: z.literal('inject.record-needs-files') }),
  /** An inject target of a key whose template holds no reference to it: a rotation of the key would not change the file. */
  z.object({ code: z.literal('inject.template-not-of-key'), field: z.literal('file'), ref: refParam, template: pathParam }),
] as const;

export type InjectProblem = z.infer<(typeof injectProblems)[number]>;
