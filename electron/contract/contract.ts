import * as z from 'zod';
import type { KeyView, Target } from './views.js';
import { MAX_SECRET_LENGTH } from './limits.js';
import type { CallName, EventName } from './names.js';
import { MAX_DAYS } from '../core/domain/model.js';
import { POLICY_STATES } from '../core/policy/key-policy.js';
import { MAX_PASTED_TEXT_LENGTH } from '../core/emergency/leaked-input.js';
import { newTargetSchema } from '../core/targets/kinds.js';
import type {
  AddedFinding,
  AuditEntry,
  AuditExport,
  AuditRow,
  AuditSummary,
  CopyResult,
  Instance,
  KeyCheck,
  KeyDetail,
  LeakFinding,
  LogVerification,
  PickedPath,
  RevokeResult,
  ScanResult,
  Settings,
  TargetFileCheck,
  RotationView,
  TeamAuditReport,
  TeamStatus,
  TeamSyncOutcome,
  VaultOverview,
  VerifyOutcomeView,
} from './views.js';

/** A call: its argument schema (parsed in the host before anything runs) and its result type. */
export interface CallSpec<A extends z.ZodType, R> {
  args: A;
  /** Type only: never read at run time. */
  result?: R;
}

const call = <A extends z.ZodType>(args: A) => ({ returns: <R>(): CallSpec<A, R> => ({ args }) });

const ref = z.string().min(1).max(400);
const secret = z.string().min(1).max(MAX_SECRET_LENGTH);
const pastedText = z.string().max(MAX_PASTED_TEXT_LENGTH, `paste at most ${MAX_PASTED_TEXT_LENGTH.toLocaleString('en')} characters: only the lines around the key`);
const maxAge = z.number().int().positive().max(MAX_DAYS);

/** A new swap target: the union of every kind's input (electron/core/targets/kinds.ts). */
const newTarget = newTargetSchema;

const newInstance = z
  .object({
    provider: z.string().min(1).max(100),
    org: z.string().min(1).max(64),
    name: z.string().min(1).max(64),
    env: z.enum(['sandbox', 'production']),
    baseUrl: z.string().max(2048).optional(),
    projectId: z.string().max(64).optional(),
    verifyPath: z.string().max(512).optional(),
  })
  .strict();

/** A key goes to a stored instance or to a new one, never both. */
const oneInstance = (args: { instanceRef?: string; newInstance?: unknown }) => (args.instanceRef === undefined) !== (args.newInstance === undefined);

/** Every call the renderer may make. A host that lacks a handler for one does not compile. */
export const contract = {
  'vault.overview': call(z.object({}).strict()).returns<VaultOverview>(),
  'instance.add': call(newInstance).returns<Instance>(),
  'key.check': call(
    z
      .object({ instanceRef: ref.optional(), newInstance: newInstance.optional(), secret })
      .strict()
      .refine(oneInstance, 'give instanceRef or newInstance, not both'),
  ).returns<KeyCheck>(),
  'key.add': call(
    z
      .object({
        instanceRef: ref.optional(),
        /** Created with the key, in one write: both are stored or neither. */
        newInstance: newInstance.optional(),
        name: z.string().min(1).max(64),
        secret,
        expiresOn: z.string().max(10).optional(),
        maxAgeDays: maxAge.optional(),
        /** Ask the provider first (a 401 is refused); false stores the key unchecked. */
        verify: z.boolean().default(true),
      })
      .strict()
      .refine(oneInstance, 'give instanceRef or newInstance, not both'),
  ).returns<{ key: KeyView; warnings: string[] }>(),
  'key.detail': call(z.object({ ref }).strict()).returns<KeyDetail>(),
  'key.verify': call(z.object({ refs: z.union([z.array(ref).min(1).max(100_000), z.literal('all')]) }).strict()).returns<VerifyOutcomeView[]>(),
  'key.reveal': call(z.object({ ref }).strict()).returns<{ secret: string; hideAfterSeconds: number }>(),
  'key.copy': call(z.object({ ref }).strict()).returns<CopyResult>(),
  'key.setDates': call(
    z
      .object({
        ref,
        expiresOn: z.string().max(10).nullable().optional(),
        maxAgeDays: maxAge.nullable().optional(),
      })
      .strict(),
  ).returns<{ ref: string; expiresOn: string | null; maxAgeDays: number | null }>(),
  // A production instance's key: its instance name typed back, as the CLI asks for it.
  'key.remove': call(z.object({ ref, confirmInstanceName: z.string().max(64).optional() }).strict()).returns<KeyView>(),
  'key.rename': call(z.object({ ref, name: z.string().min(1).max(64) }).strict()).returns<KeyView>(),
  // Refused while the instance holds keys; a production instance asks for its name typed back.
  'instance.remove': call(z.object({ ref: z.string().min(1).max(200), confirmInstanceName: z.string().max(64).optional() }).strict()).returns<Instance>(),
  'target.check': call(z.object({ file: z.string().min(1).max(4096) }).strict()).returns<TargetFileCheck>(),
  'target.add': call(z.object({ ref, target: newTarget }).strict()).returns<Target>(),
  'target.remove': call(z.object({ ref, targetId: z.string().min(1).max(100) }).strict()).returns<Target>(),
  'rotation.start': call(z.object({ ref, inPlace: z.boolean().default(false), confirmInstanceName: z.string().max(64).optional() }).strict()).returns<RotationView>(),
  'rotation.resume': call(z.object({ ref }).strict()).returns<RotationView>(),
  'rotation.get': call(z.object({ rotationId: z.string().min(1).max(100) }).strict()).returns<RotationView>(),
  'rotation.answer': call(
    z
      .object({
        rotationId: z.string().min(1).max(100),
        answer: z.discriminatedUnion('kind', [
          // expiresOn: the expiry the person chose in the dashboard (a provider with native expiry, Nora).
          z.object({ kind: z.literal('paste'), secret, expiresOn: z.string().max(10).optional() }),
          z.object({ kind: z.literal('confirm'), yes: z.boolean() }),
          z.object({ kind: z.literal('stop') }),
          // null: none of these / revoke it in the dashboard instead.
          z.object({ kind: z.literal('remote-id'), remoteId: z.string().min(1).max(200).nullable() }),
        ]),
      })
      .strict(),
  ).returns<RotationView>(),
  'rotation.inProgress': call(z.object({}).strict()).returns<RotationView[]>(),
  // The guided create's pasted key, checked while typing exactly as Add key checks one (never stored).
  'rotation.checkNewKey': call(z.object({ rotationId: z.string().min(1).max(100), secret }).strict()).returns<KeyCheck>(),
  // Use a different key: the pending key leaves the keychain and the create step is offered again.
  'rotation.replaceNewKey': call(z.object({ rotationId: z.string().min(1).max(100) }).strict()).returns<RotationView>(),
  // Abandon: the pending key leaves the keychain, the old key stays current, the journal closes as abandoned.
  'rotation.abandon': call(z.object({ rotationId: z.string().min(1).max(100) }).strict()).returns<RotationView>(),
  'emergency.find': call(z.object({ leaked: pastedText.min(1) }).strict()).returns<LeakFinding>(),
  'emergency.revoke': call(
    z
      .object({
        ref,
        // The text the key was found in: the host takes the key out of it again (the page never gets it alone).
        leaked: pastedText.optional(),
        waitSeconds: z.number().int().positive().max(3600).default(120),
        // A production key: its instance name as the person typed it back.
        confirmInstanceName: z.string().max(200).optional(),
        // Its wait ran out: only keep checking for the 401, without revoking again.
        resume: z.boolean().default(false),
      })
      .strict(),
  ).returns<RevokeResult>(),
  // history: also the commits reachable from HEAD, when the folder is a git repository.
  'scan.folder': call(z.object({ dir: z.string().min(1).max(4096), import: z.boolean().default(false), history: z.boolean().default(false) }).strict()).returns<ScanResult>(),
  // Add to vault: one key a scan found and the vault lacks. The host reads it again where the scan
  // found it (the page never had it) and stores it only if its fingerprint is still the one shown.
  'scan.addFinding': call(
    z
      .object({
        file: z.string().min(1).max(4096),
        line: z.number().int().positive(),
        column: z.number().int().positive(),
        /** For a finding of the history: the commit whose file holds it. */
        commit: z.string().regex(/^[0-9a-f]{7,64}$/).optional(),
        fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
        instanceRef: ref,
        name: z.string().min(1).max(64),
      })
      .strict(),
  ).returns<AddedFinding>(),
  'audit.report': call(z.object({ env: z.enum(['sandbox', 'production']).optional(), state: z.enum(POLICY_STATES).optional() }).strict()).returns<{ rows: AuditRow[]; summary: AuditSummary }>(),
  'audit.export': call(z.object({ format: z.enum(['csv', 'json', 'ics']), env: z.enum(['sandbox', 'production']).optional(), state: z.enum(POLICY_STATES).optional() }).strict()).returns<AuditExport>(),
  'log.verify': call(z.object({}).strict()).returns<LogVerification>(),
  // The team inventory (metadata only): the connection, its status and what waits, the team's audit.
  'team.status': call(z.object({ probe: z.boolean().default(true) }).strict()).returns<TeamStatus>(),
  'team.connect': call(
    z
      .object({ url: z.string().min(1).max(2048), team: z.string().min(1).max(64), member: z.string().min(1).max(64).optional(), password: z.string().min(1).max(1024).optional() })
      .strict(),
  ).returns<TeamStatus>(),
  'team.disconnect': call(z.object({}).strict()).returns<TeamStatus>(),
  'team.sync': call(z.object({}).strict()).returns<TeamSyncOutcome>(),
  'team.audit': call(
    z.object({ member: z.string().min(1).max(64).optional(), env: z.enum(['sandbox', 'production']).optional(), state: z.enum(POLICY_STATES).optional() }).strict(),
  ).returns<TeamAuditReport>(),
  'log.show': call(z.object({ limit: z.number().int().positive().max(10_000).default(200) }).strict()).returns<{ entries: (AuditEntry | null)[]; total: number }>(),
  'reminder.snooze': call(z.object({ ref, days: z.number().int().positive().max(365) }).strict()).returns<{ until: string }>(),
  'settings.get': call(z.object({}).strict()).returns<Settings>(),
  'settings.set': call(
    z
      .object({
        defaults: z.object({ production: maxAge, sandbox: maxAge }).strict().optional(),
        providers: z.record(z.string().min(1).max(100), z.object({ production: maxAge.optional(), sandbox: maxAge.optional() }).strict()).optional(),
        instances: z.record(ref, maxAge).optional(),
        scheduledVerifyHours: z.number().int().positive().max(720).nullable().optional(),
      })
      .strict(),
  ).returns<Settings>(),
  'path.pick': call(z.object({ kind: z.enum(['env-file', 'folder']) }).strict()).returns<PickedPath>(),
  'dashboard.open': call(z.object({ url: z.string().url().max(2048) }).strict()).returns<{ opened: boolean }>(),
} satisfies Record<CallName, CallSpec<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type CallArgs<N extends CallName> = z.input<Contract[N]['args']>;
export type ParsedArgs<N extends CallName> = z.output<Contract[N]['args']>;
export type CallResult<N extends CallName> = NonNullable<Contract[N]['result']>;

/** What a host implements: one handler per call. */
export type Handlers = { [N in CallName]: (args: ParsedArgs<N>) => Promise<CallResult<N>> };

export interface EventPayloads {
  'rotation.changed': { rotationId: string };
  'vault.changed': Record<string, never>;
  'team.changed': Record<string, never>;
  'emergency.open': Record<string, never>;
  'reminder.fired': { ref: string; title: string; body: string };
  'rotation.open': { ref: string };
}
export type EventPayload<E extends EventName> = EventPayloads[E];

/** Parses a call's arguments; throws a ZodError naming what is wrong. */
export function parseArgs<N extends CallName>(name: N, args: unknown): ParsedArgs<N> {
  return contract[name].args.parse(args ?? {}) as ParsedArgs<N>;
}
