import * as z from 'zod';
import { targetSchema } from '../targets/kinds.js';

export { BUILTIN_PROVIDERS, type BuiltinProviderId, type ProviderId } from './provider-ids.js';

export const ENVIRONMENTS = ['sandbox', 'production'] as const;
export const environmentSchema = z.enum(ENVIRONMENTS);
export type Environment = z.infer<typeof environmentSchema>;

export const KEY_STATUSES = ['active', 'pending', 'previous', 'expired', 'revoked'] as const;
export const keyStatusSchema = z.enum(KEY_STATUSES);
export type KeyStatus = z.infer<typeof keyStatusSchema>;

export const VERIFY_RESULTS = ['valid', 'limited', 'rejected', 'unknown'] as const;
export const verifyResultSchema = z.enum(VERIFY_RESULTS);
export type VerifyResult = z.infer<typeof verifyResultSchema>;

/** The longest name of an instance, organization or key. */
export const SEGMENT_MAX_LENGTH = 64;

/** A name that is safe inside a REF (PROVIDER/ORG/INSTANCE/NAME) and on a command line. */
export const segmentSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(SEGMENT_MAX_LENGTH, `must be at most ${SEGMENT_MAX_LENGTH} characters`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may use only letters, digits, ".", "_" and "-", and must start with a letter or digit');

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const instanceSchema = z.looseObject({
  id: z.string(),
  provider: z.string(),
  org: segmentSchema,
  name: segmentSchema,
  env: environmentSchema,
  baseUrl: z.string(),
  projectId: z.string().optional(),
  verifyPath: z.string().optional(),
  dashboardUrl: z.string().optional(),
  createdAt: isoDateTime,
});
export type Instance = z.infer<typeof instanceSchema>;

export const verificationSchema = z.looseObject({
  at: isoDateTime,
  result: verifyResultSchema,
  httpStatus: z.number().int().nullable(),
  revoked: z.boolean(),
  reason: z.string(),
});
export type Verification = z.infer<typeof verificationSchema>;

/**
 * A place that names a key by `keyturn://` reference (found by a scan): a usage site with nothing
 * to write in a rotation. `by`: the reference names the key's ref (it follows rotations: the sites
 * move to the new key with the name) or its id (it stays with this key, and dies with it).
 */
export const referenceSiteSchema = z.looseObject({
  file: z.string(),
  line: z.number().int().positive(),
  by: z.enum(['name', 'id']),
  /** The variable it fills, when the file is a dotenv file. */
  variable: z.string().optional(),
  /** When the scan that found it ran. */
  seenAt: isoDateTime,
});
export type ReferenceSite = z.infer<typeof referenceSiteSchema>;

/**
 * A place a scan found the key itself in plain text (a leak, not a use): a file of a tree, or a
 * commit of a repository's history. Emergency revoke lists them with the usage sites.
 */
export const scanSiteSchema = z.looseObject({
  /** The file's full path (for history: where it is under the repository's top folder). */
  file: z.string(),
  line: z.number().int().positive(),
  /** For a history scan: the commit that added it (the file may no longer hold it). */
  commit: z.string().optional(),
  /** When the scan that found it ran. */
  seenAt: isoDateTime,
});
export type ScanSite = z.infer<typeof scanSiteSchema>;

export const keyRecordSchema = z.looseObject({
  id: z.string(),
  instanceId: z.string(),
  name: segmentSchema,
  maskedKey: z.string(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  remoteId: z.string().optional(),
  createdAt: isoDateTime,
  expiresOn: isoDate.optional(),
  maxAgeDays: z.number().int().positive().optional(),
  status: keyStatusSchema,
  lastVerification: verificationSchema.optional(),
  targets: z.array(z.lazy(() => targetSchema)).default([]),
  /** Where it is named by reference (see referenceSiteSchema); absent: none known. */
  referenceSites: z.array(referenceSiteSchema).optional(),
  /** Where a scan found it in plain text (see scanSiteSchema); absent: nowhere known. */
  scanSites: z.array(scanSiteSchema).optional(),
  /** The key this one replaced in a rotation (set on the pending key, kept once it is current). */
  rotatedFrom: z.string().optional(),
  /** The key that replaced this one in a rotation (set when it became previous). */
  replacedBy: z.string().optional(),
});
export type KeyRecord = z.infer<typeof keyRecordSchema>;

export const customProviderSchema = z.looseObject({
  name: segmentSchema,
  keyPrefix: z.string().optional(),
  keyPattern: z.string().optional(),
  headerName: z.string().min(1),
  headerScheme: z.string().optional(),
  baseUrls: z.looseObject({ sandbox: z.string().optional(), production: z.string().optional() }),
  verifyPath: z.string().min(1),
  dashboardUrl: z.string().optional(),
});
export type CustomProvider = z.infer<typeof customProviderSchema>;
/** A definition typed in by a person: fields we do not know are dropped, not stored. */
export const customProviderInputSchema = customProviderSchema.strip();

/** The longest maximum age a policy or a key may have: 100 years. */
export const MAX_DAYS = 36_500;
const days = z.number().int().positive().max(MAX_DAYS);

/**
 * Rotation policy: a maximum age in days, the first that applies of the key's own, its instance's,
 * its provider's (per environment), and the default (production stricter than sandbox).
 */
export const policySchema = z.looseObject({
  defaults: z.looseObject({ production: days, sandbox: days }).optional(),
  providers: z.record(z.string(), z.looseObject({ production: days.optional(), sandbox: days.optional() })).optional(),
  instances: z.record(z.string(), days).optional(),
});
export type Policy = z.infer<typeof policySchema>;

/** What was reminded for each key: each threshold once per due date, across restarts and clock jumps. */
export const reminderRecordSchema = z.looseObject({
  dueOn: isoDate,
  fired: z.array(z.number().int()),
  snoozedUntil: isoDateTime.optional(),
});
export type ReminderRecord = z.infer<typeof reminderRecordSchema>;

/**
 * Every stored object is loose: fields a newer version of Keyturn wrote are kept through a write by
 * this one, never dropped.
 */
export const vaultDocumentSchema = z.looseObject({
  schemaVersion: z.literal(1),
  /** The vault's id (as in vault-id.json), written with every write so a lost vault-id.json can be recovered. */
  vaultId: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  instances: z.array(instanceSchema),
  keys: z.array(keyRecordSchema),
  customProviders: z.array(customProviderSchema),
  rotations: z.array(z.lazy(() => rotationSchema)).default([]),
  policy: policySchema.optional(),
  reminders: z.record(z.string(), reminderRecordSchema).optional(),
  /** Optional scheduled verification of every key (off unless set). */
  scheduledVerifyHours: z.number().int().positive().max(24 * 30).optional(),
  /**
   * How many entries the audit log held, at least: its length when this file was last written,
   * never lowered. A witness apart from the log for `log verify` when the log and its keychain
   * record are both gone. Absent in vaults written before it was recorded.
   */
  auditLog: z.looseObject({ entriesAtLeast: z.number().int().nonnegative() }).optional(),
});
export type VaultDocument = z.infer<typeof vaultDocumentSchema>;

export function emptyVaultDocument(): VaultDocument {
  return { schemaVersion: 1, instances: [], keys: [], customProviders: [], rotations: [] };
}

/**
 * Where a key is used (a swap target): each kind is a module of electron/core/targets/kinds, and
 * the stored union is derived from their schemas (electron/core/targets/kinds.ts).
 */
export { targetSchema, type Target, type TargetKind, type TargetOf } from '../targets/kinds.js';

export const ROTATION_STEPS = ['create', 'swap', 'verify', 'revoke'] as const;
export type RotationStepName = (typeof ROTATION_STEPS)[number];
export const stepStatusSchema = z.enum(['waiting', 'running', 'done', 'failed']);
export type StepStatus = z.infer<typeof stepStatusSchema>;

/**
 * A problem as a record keeps it: its code and parameters (never a secret: problems carry none).
 * Loose and unchecked against the catalogue here, so a code a newer Keyturn wrote, or one this
 * version no longer has, never makes the record damaged: a host parses it against the catalogue
 * when it words it, and shows the record's `detail` instead when it cannot.
 */
export const storedProblemSchema = z.looseObject({ code: z.string() });
export type StoredProblem = z.infer<typeof storedProblemSchema>;

/**
 * What a step was doing when it met its problem, where the problem alone does not say: the
 * provider's create call (`create-call`), looking for a key an earlier attempt may have created
 * (`earlier-create`), checking the key the provider returned (`provider-key`), checking the key
 * that was pasted (`pasted-key`). Absent: the step's own work.
 */
export const STEP_PROBLEM_CONTEXTS = ['create-call', 'earlier-create', 'provider-key', 'pasted-key'] as const;
export type StepProblemContext = (typeof STEP_PROBLEM_CONTEXTS)[number];

export const rotationStepSchema = z.looseObject({
  status: stepStatusSchema,
  startedAt: isoDateTime.optional(),
  finishedAt: isoDateTime.optional(),
  /**
   * What happened, for the user; never a secret. Host-neutral text: what a host shows when the
   * step has no `problem` (records written before problems were stored), or one it cannot read.
   */
  detail: z.string().optional(),
  /** Why a failed step stopped, as a problem each host words (set only with status `failed`). */
  problem: storedProblemSchema.optional(),
  /** What the failed step was doing when it met `problem`. */
  problemContext: z.enum(STEP_PROBLEM_CONTEXTS).optional(),
  /** How it was done: by the provider's API or by a guided step in its dashboard. */
  path: z.enum(['api', 'guided', 'in-place']).optional(),
});
export type RotationStep = z.infer<typeof rotationStepSchema>;

export const journalEntrySchema = z.looseObject({
  at: isoDateTime,
  step: z.enum([...ROTATION_STEPS, 'rotation']),
  event: z.enum(['begin', 'end', 'fail', 'note']),
  detail: z.string(),
  /** A `fail` entry's problem, as the step records it (`detail` is then its host-neutral text). */
  problem: storedProblemSchema.optional(),
  problemContext: z.enum(STEP_PROBLEM_CONTEXTS).optional(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/**
 * A rotation: a persisted, resumable state machine (AWS Secrets Manager's create/set/test/finish,
 * with the CURRENT/PENDING/PREVIOUS labels as key statuses active/pending/previous).
 */
export const rotationSchema = z.looseObject({
  id: z.string(),
  oldKeyId: z.string(),
  instanceId: z.string(),
  /** The id the new key record gets; chosen before anything is created, so the keychain account is known. */
  newKeyId: z.string(),
  inPlace: z.boolean(),
  /** abandoned: the person gave it up; the pending key was removed and the old key stayed current. */
  state: z.enum(['in-progress', 'completed', 'abandoned']),
  startedAt: isoDateTime,
  updatedAt: isoDateTime,
  finishedAt: isoDateTime.optional(),
  steps: z.looseObject({ create: rotationStepSchema, swap: rotationStepSchema, verify: rotationStepSchema, revoke: rotationStepSchema }),
  /** The name the new key gets at the provider; how a create that lost its answer is found again. */
  providerKeyName: z.string(),
  newRemoteId: z.string().optional(),
  /** The expiry the person chose for the new key in the dashboard (a provider with native expiry): journaled before the key is stored. */
  newKeyExpiresOn: isoDate.optional(),
  /** Pending keys a "use a different key" discarded: their keychain entries are removed (again) on every run, so a crash leaves none. */
  discardedKeyIds: z.array(z.string()).optional(),
  /** Set when the person chose to abandon: a run that finds it finishes the abandon instead of the rotation. */
  abandonStartedAt: isoDateTime.optional(),
  /** How an abandon ended: what became of the new key at the provider and how many swap targets got the old key back. */
  abandoned: z
    .looseObject({
      /** revoked: by the provider's API; still-works: made in the dashboard (or its revoke failed): revoke it there; none: no new key was made. */
      newKeyAtProvider: z.enum(['revoked', 'still-works', 'none']),
      restoredTargets: z.number().int().nonnegative(),
    })
    .optional(),
  swapCompletedAt: isoDateTime.optional(),
  targets: z.array(
    z.looseObject({
      targetId: z.string(),
      status: z.enum(['pending', 'done', 'failed']),
      detail: z.string().optional(),
      /** The `.keyturn-backup` this rotation made of the target's file (its content before this rotation). */
      backup: z.string().optional(),
    }),
  ),
  warnings: z.array(z.string()),
  journal: z.array(journalEntrySchema),
});
export type Rotation = z.infer<typeof rotationSchema>;
