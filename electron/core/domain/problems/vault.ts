import * as z from 'zod';
import { countParam, inputParam, nameParam, outsideTextParam, refParam } from './params.js';

/**
 * What refusing a key at `key add` adds to a new-key problem: nothing was stored, nor the instance
 * that was to be created with it. Absent when the same check answers a live validation.
 */
const refusedAt = { nothingStored: z.boolean().optional(), newInstance: refParam.optional() };

/** Problems adding and removing instances, providers and keys, and reading a key's secret. */
export const vaultProblems = [
  /** A name (organization, instance, key) the vault cannot use; `reason` is the rule it breaks. */
  z.object({ code: z.literal('name.invalid'), field: z.enum(['org', 'instance', 'name']), reason: outsideTextParam }),
  z.object({ code: z.literal('env.invalid'), field: z.literal('env'), reason: outsideTextParam }),
  z.object({ code: z.literal('instance.exists'), field: z.literal('instance'), ref: refParam }),
  /** `configurable`: the built-in providers (display names) whose instances do take a verify path, besides those a person describes. */
  z.object({ code: z.literal('instance.verify-path-fixed'), field: z.literal('verifyPath'), ref: refParam, provider: nameParam, configurable: z.array(nameParam) }),
  z.object({ code: z.literal('provider.definition-invalid'), reason: outsideTextParam }),
  z.object({ code: z.literal('provider.needs-prefix-or-pattern'), field: z.literal('prefix') }),
  z.object({ code: z.literal('provider.pattern-invalid'), field: z.literal('pattern'), value: inputParam }),
  z.object({ code: z.literal('provider.exists'), field: z.literal('name'), name: nameParam }),
  z.object({ code: z.literal('key.name-taken'), field: z.literal('name'), instance: refParam, name: nameParam }),
  z.object({ code: z.literal('key.expiry-passed'), field: z.literal('expires'), value: inputParam }),
  /** A pasted key longer than any key of its provider (a page or a header pasted by mistake). */
  /** A pasted key whose fingerprint a stored key has: `where` is that key's ref (or id). */
  z.object({ code: z.literal('new-key.already-stored'), field: z.literal('secret'), where: refParam, ...refusedAt }),
  /** A rotation's new key that is its old key, pasted again. */
  z.object({ code: z.literal('new-key.same-as-old'), field: z.literal('secret'), ref: refParam, ...refusedAt }),
  /** A key in a rotation in progress (as its old or its pending key) cannot be removed or renamed. */
  z.object({ code: z.literal('key.in-rotation'), ref: refParam, action: z.enum(['remove', 'rename']) }),
  /** An instance is removed only once it holds no keys (`count`: how many it still holds). */
  z.object({ code: z.literal('instance.has-keys'), ref: refParam, count: countParam }),
  /** Removing from a production instance: its name was not typed back (or not exactly). */
  z.object({ code: z.literal('removal.not-confirmed'), field: z.literal('confirmName'), instance: nameParam, what: z.enum(['key', 'instance']) }),
  /** The provider rejected the key when asked before storing it (its verification, without the time). */
  z.object({
    code: z.literal('key.rejected'),
    field: z.literal('secret'),
    provider: nameParam,
    httpStatus: countParam.nullable(),
    revoked: z.boolean(),
    reason: outsideTextParam,
    newInstance: refParam.optional(),
  }),
  z.object({ code: z.literal('key.secret-missing'), ref: refParam }),
  /** No key was given where one is read (an empty standard input), before any check of its shape. */
  z.object({ code: z.literal('key.not-given'), field: z.literal('secret') }),
  /** Keys to verify named one by one and all at once. */
  z.object({ code: z.literal('verify.refs-and-all'), field: z.literal('ref') }),
  /** Neither keys to verify nor all of them. */
  z.object({ code: z.literal('verify.nothing-chosen'), field: z.literal('ref') }),
  /** The OS keychain failed in a way it has no typed error for; `detail` is its first line. */
  z.object({ code: z.literal('keychain.read-failed'), detail: outsideTextParam }),
  z.object({ code: z.literal('keychain.write-failed'), detail: outsideTextParam }),
  z.object({ code: z.literal('keychain.write-mismatch') }),
  z.object({ code: z.literal('keychain.remove-failed'), detail: outsideTextParam }),
] as const;

export type VaultProblem = z.infer<(typeof vaultProblems)[number]>;
export type NewKeyProblem = Extract<VaultProblem, { code: `new-key.${string}` }>;
