import * as z from 'zod';
import { countParam, formParam, inputParam, nameParam, outsideTextParam, pathParam, refParam } from './params.js';

/** The file a refusal is about, and where it really leads when the path goes through a link. */
const file = { field: z.literal('file'), path: pathParam, link: pathParam.optional() };

/**
 * Why a swap target cannot take a key: a file Keyturn will not write, a variable missing, a program
 * not found. Refused when the target is added (nothing was added) and again just before a swap
 * writes (not written): the hosts word the first, `targets/reasons.ts` the second, for the journal.
 */
export const targetRefusalProblems = [
  z.object({ code: z.literal('target.file.cannot-look'), ...file, osCode: outsideTextParam }),
  z.object({ code: z.literal('target.file.no-folder'), ...file, folder: pathParam }),
  z.object({ code: z.literal('target.file.missing'), ...file }),
  z.object({ code: z.literal('target.file.dangling-link'), ...file }),
  /** `what`: what is there instead ("a folder", "a named pipe (FIFO)", "a device"). */
  z.object({ code: z.literal('target.file.not-regular'), ...file, what: outsideTextParam }),
  z.object({ code: z.literal('target.file.hard-links'), ...file, links: countParam }),
  z.object({ code: z.literal('target.file.read-only'), ...file, mode: outsideTextParam }),
  z.object({ code: z.literal('target.file.not-writable'), ...file }),
  z.object({ code: z.literal('target.file.folder-not-writable'), ...file }),
  /** Read within the size cap, without following a link and without blocking, failed (`reason` says how). */
  z.object({ code: z.literal('target.file.unread'), ...file, reason: outsideTextParam }),
  /** At the swap: the path leads elsewhere than where it led when the target was added (`was` absent: it was no link). */
  z.object({ code: z.literal('target.file.moved'), ...file, now: pathParam, was: pathParam.optional() }),
  /** At the swap: the file's content changed since Keyturn read it. */
  z.object({ code: z.literal('target.file.changed'), ...file }),
  /** At the swap: another file took the name while Keyturn wrote the new one. */
  z.object({ code: z.literal('target.file.replaced'), ...file }),
  /** At the swap: the variable is gone and the target was added without leave to append it. */
  z.object({ code: z.literal('target.variable.missing'), field: z.literal('variable'), path: pathParam, variable: nameParam }),
  /** At the swap: the variable holds a key that is neither the old nor the new one. */
  z.object({ code: z.literal('target.variable.foreign-value'), field: z.literal('variable'), path: pathParam, variable: nameParam }),
  z.object({ code: z.literal('target.value.multiline'), field: z.literal('variable'), variable: nameParam }),
  /** `given`: a path that is no executable file, or a bare name not found on PATH. */
  z.object({ code: z.literal('target.command.not-found'), field: z.literal('command'), command: nameParam, given: z.enum(['path', 'name']) }),
] as const;

export type TargetRefusal = z.infer<(typeof targetRefusalProblems)[number]>;

/** What a target needs the person's leave for: each host says how to give it (a flag, a button, a checkbox). */
export const TARGET_CONSENTS = ['follow-link', 'create-variable', 'create-file'] as const;
export type TargetConsent = (typeof TARGET_CONSENTS)[number];

/** Problems adding, listing and removing swap targets (their refusals above, then the rest). */
export const targetProblems = [
  ...targetRefusalProblems,
  z.object({ code: z.literal('target.file.required'), field: z.literal('file') }),
  z.object({ code: z.literal('target.file.create-failed'), field: z.literal('file'), path: pathParam, osCode: outsideTextParam }),
  z.object({ code: z.literal('target.variable.invalid'), field: z.literal('variable'), variable: inputParam }),
  z.object({ code: z.literal('target.command.required'), field: z.literal('command') }),
  /**
   * The target was not added until the person allows something. `consent` says what: writing
   * through a link (`resolved`: where it leads; `confirmed`: another target the person had
   * accepted), appending `variable`, creating the file.
   */
  z.object({
    code: z.literal('target.needs-consent'),
    consent: z.enum(TARGET_CONSENTS),
    field: z.enum(['file', 'variable']),
    path: pathParam,
    resolved: pathParam.optional(),
    confirmed: pathParam.optional(),
    variable: nameParam.optional(),
  }),
  /** `where`: the target as described (describeTarget's `where`); `id`: the one already there. */
  z.object({ code: z.literal('target.duplicate'), ref: refParam, where: nameParam, id: refParam }),
  z.object({ code: z.literal('target.not-found'), ref: refParam, targetId: refParam }),
  /** A target named by its kind that Keyturn does not know; `known`: the kinds it does. */
  z.object({ code: z.literal('target.kind.unknown'), kind: inputParam, known: z.array(nameParam) }),
  /** A target given in the wrong shape; `form`: how it is written. */
  z.object({ code: z.literal('target.malformed'), form: formParam }),
] as const;

export type TargetProblem = z.infer<(typeof targetProblems)[number]>;
