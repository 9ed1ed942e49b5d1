import * as z from 'zod';
import { countParam, nameParam, refParam } from './params.js';

/** Problems revoking a key now, and finding the keys of a leaked text. */
export const emergencyProblems = [
  z.object({ code: z.literal('emergency.already-revoked'), ref: refParam }),
  /** The leaked text given holds no string with this key's fingerprint. */
  z.object({ code: z.literal('emergency.paste-lacks-key'), field: z.literal('leaked'), ref: refParam }),
  z.object({ code: z.literal('emergency.no-secret'), ref: refParam }),
  z.object({ code: z.literal('emergency.production-not-confirmed'), field: z.literal('confirmName'), instance: nameParam }),
  z.object({ code: z.literal('leak.too-long'), field: z.literal('leaked'), length: countParam, max: countParam }),
  /** `export VAR=`: an empty slot, not a key. */
  z.object({ code: z.literal('leak.empty'), field: z.literal('leaked') }),
  /** Choosing one key among those a leaked text holds. */
  z.object({ code: z.literal('emergency.pick-out-of-range'), pick: countParam, count: countParam }),
  z.object({ code: z.literal('emergency.several-keys'), count: countParam }),
  /** The answer is not one of the numbers offered (it is not repeated: it may be the key itself). */
  z.object({ code: z.literal('emergency.answer-not-a-choice'), count: countParam }),
  /** What to revoke: a key reference or a leaked text, exactly one. */
  z.object({ code: z.literal('emergency.ref-or-leaked') }),
  z.object({ code: z.literal('emergency.pick-needs-leaked') }),
  z.object({ code: z.literal('emergency.resume-needs-ref') }),
  /** Nobody can be asked to confirm the revocation here, and it was not confirmed beforehand. */
  z.object({ code: z.literal('emergency.not-confirmed') }),
] as const;

export type EmergencyProblem = z.infer<(typeof emergencyProblems)[number]>;
