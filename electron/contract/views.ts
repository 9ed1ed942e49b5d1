// What crosses to the renderer: metadata views, never a secret (except the explicit reveal and copy).
import type { Environment, Instance, ReferenceSite, Rotation, RotationStepName, ScanSite, Target, Verification } from '../core/domain/model.js';
import type { Capability, GuidedStep } from '../core/providers/profile.js';
import type { ProviderId } from '../core/domain/model.js';
import type { PolicyState } from '../core/policy/key-policy.js';
import type { DisplayedFinding, ImportOutcome, SkippedFile } from '../core/scan/finding.js';
import type { KeyView } from '../core/vault/views.js';
import type { TeamAuditRow } from '../core/team/team-audit.js';
import type { TeamLeakMatch } from '../core/team/team-service.js';
import type { TeamVault } from '../core/ports/team-database.js';
import type { AuditSummary } from '../core/audit/audit-report.js';
import type { Problem } from './problems.js';
import type { TargetRefusal } from '../core/domain/problems/targets.js';
import type { TargetDescription } from '../core/targets/kind-definition.js';
import type { TargetKind } from '../core/targets/kinds.js';
import type { ProblemKind } from '../core/domain/problems/kinds.js';

export type { Environment, Instance, ReferenceSite, Rotation, RotationStepName, ScanSite, Target, TargetDescription, TargetKind, Verification, GuidedStep, KeyView, PolicyState };

export interface ProviderInfo {
  id: ProviderId;
  displayName: string;
  keyFormat: string;
  needsProjectId: boolean;
  needsBaseUrl: boolean;
  createBy: Capability;
  revokeBy: Capability;
  rotateInPlace: boolean;
  /** Its keys carry an expiry date chosen in its dashboard (Nora): the rotation wizard asks for it with the new key. */
  nativeExpiry: boolean;
}

export interface VaultOverview {
  instances: Instance[];
  keys: KeyRow[];
  /** Live keys due soon, overdue or expired: the window title and the dock badge. */
  attention: number;
  /** Live keys their provider rejected (401) at the last check. */
  rejected: number;
  providers: ProviderInfo[];
  /** What core warned of since the host opened (a corrupt file moved aside, an action the audit log could not record). */
  warnings: Problem[];
}

export interface KeyDetail {
  key: KeyView;
  targets: Target[];
  /**
   * Where it is named by `keyturn://` reference (found by a scan): nothing to write in a rotation,
   * but the processes there must restart to pick up a new key.
   */
  referenceSites: ReferenceSite[];
  /** Where a scan found it in plain text (a file, or a commit of a repository's history): a leak to clean up. */
  scanSites: ScanSite[];
  rotations: Rotation[];
  /** The provider's dashboard, for guided steps. */
  dashboard: { create: GuidedStep; revoke: GuidedStep };
}

/** Where a swap target's file really leads, and why Keyturn would not write it (null: it would). */
export interface TargetFileCheck {
  /** The path as typed, made absolute. */
  path: string;
  /** Where it leads once every link is followed: what the person confirms when it differs. */
  resolved: string;
  throughLink: boolean;
  /** Why Keyturn would not write it (the app words it next to the file's field); null: it would. */
  refusal: TargetRefusal | null;
  /** Nothing is at the path (its folder exists): the file can be created if the person allows it. */
  missing: boolean;
}

export interface KeyCheck {
  /** Why the key cannot be stored (a problem the renderer words next to the key field); null when it can. */
  refusal: Problem | null;
  warnings: string[];
  maskedKey: string;
}

export interface VerifyOutcomeView {
  ref: string;
  id: string;
  result: Verification['result'];
  httpStatus: number | null;
  revoked: boolean;
  reason: string;
}

/** A question the rotation is waiting on. */
export type RotationQuestion =
  /** `problem`: why the previous paste was refused (the new-key check's refusal, which the wizard words); null on the first ask. */
  | { kind: 'paste'; guide: GuidedStep; problem: Problem | null }
  | { kind: 'confirm-warnings'; warnings: string[] }
  /** The provider lists several keys that could be the old one: which is it (never a secret here). */
  | { kind: 'choose-remote-key'; provider: string; maskedKey: string; candidates: RemoteKeyCandidateView[] };

/** A key as the provider lists it, for the person to recognise: no secret. */
export interface RemoteKeyCandidateView {
  id: string;
  name: string;
  createdAt: string | null;
  lastUsedAt: string | null;
}

export interface RotationView {
  rotation: Rotation;
  ref: string;
  env: Environment;
  instanceName: string;
  /** True while the host is working on it (not stopped, not waiting on the person). */
  running: boolean;
  /** Another process runs it right now ("process 1234 (the keyturn CLI on box, since …)"): wait for it. */
  heldBy: string | null;
  question: RotationQuestion | null;
  /** Shown during a guided revoke: where to revoke, while the host waits for the 401. */
  revokeGuide: GuidedStep | null;
  /** Why the host's last run of it stopped with an error (a keychain that cannot answer, say); null when it did not. */
  failure: { kind: ProblemKind; problem: Problem } | null;
  /** Where the key is named by reference: these follow the rotation with no write (restart what uses them). */
  referenceSites: ReferenceSite[];
}

export type CopyResult =
  /** Electron: the host wrote the clipboard and clears it later. */
  | { by: 'host'; clearsAfterSeconds: number }
  /** Browser mode: the page writes the clipboard itself. */
  | { by: 'renderer'; secret: string; clearsAfterSeconds: number };

/** One key found in the pasted text: masked, never the secret. */
export interface LeakCandidateView {
  /** The line of the pasted text it was first seen on (1-based). */
  line: number;
  masked: string;
  match: { ref: string; key: KeyView; targets: Target[]; referenceSites: ReferenceSite[]; scanSites: ScanSite[] } | null;
  /** For a key not in the vault: whose it looks like and how to revoke it there. */
  guess: { provider: string; environment: Environment | null; guide: GuidedStep } | null;
}

/** Every stored key and provider-shaped string of the pasted text, in the order they appear. */
export interface LeakFinding {
  candidates: LeakCandidateView[];
  /**
   * When this vault is joined to a team: the team inventory's matches of the pasted keys the vault
   * does not hold (whose key it is, which machine, where it is used), or why the team could not be asked.
   */
  team: { matches: (TeamLeakMatch & { masked: string })[]; problem: Problem | null } | null;
}

export interface RevokeResult {
  ref: string;
  proven: boolean;
  path: 'api' | 'guided' | 'already';
  detail: string;
}

/**
 * A key a scan found (never the secret itself): where (a file, or a commit of the history), whose,
 * and its ref when the vault holds it already (`inVault`; `match` says its environment and status).
 */
export type ScanFindingView = DisplayedFinding & { inVault: string | null };

export interface ScanResult {
  /** The folder scanned, as the host resolved it. */
  root: string;
  /** Whether the folder is (inside) a git repository: then its history can be scanned too. */
  gitRepository: boolean;
  /** The history scan, when it was asked for and the folder is a repository: how many commits were read. */
  history: { commits: number } | null;
  /** The files' findings, then the history's (each with its commit). */
  findings: ScanFindingView[];
  /** Each with the found files that cannot be its swap targets, and the problem with each. */
  imported: ImportOutcome['imported'];
  /** Found keys not imported, and why (no instance fits, several do). */
  skipped: ImportOutcome['skipped'];
  /** `.env`-style files the scan did not read (a link, a FIFO, too large), with why. */
  skippedFiles: SkippedFile[];
  /** `keyturn://` references found in the files read, each recorded as a usage site of its key (`keyRef` null: it names nothing here). */
  references: ScanReferenceView[];
}

/**
 * What Add to vault did with one finding: the key stored (as Add key stores one), and the `.env`
 * file it was found in as its swap target (`targets`: 1), or that file refused, with why.
 */
export interface AddedFinding {
  key: KeyView;
  warnings: string[];
  targets: number;
  refusedTargets: ImportOutcome['imported'][number]['refusedTargets'];
}

/** A `keyturn://` reference a scan found: where, what it names, and the key it resolves to now. */
export interface ScanReferenceView {
  file: string;
  line: number;
  variable: string | null;
  reference: string;
  keyRef: string | null;
}

/** A path the person chose in the host's own file dialog; `available: false` where there is none (browser mode). */
export interface PickedPath {
  available: boolean;
  path: string | null;
}

export type { AuditRow, AuditSummary } from '../core/audit/audit-report.js';
export type { AuditEntry, LogVerification } from '../core/audit/audit-entry.js';
export type { TeamStatus, TeamSyncOutcome, TeamWaiting } from '../core/team/team-connection.js';
export type { TeamAuditRow, TeamLeakMatch, TeamVault };
export type { TeamLogCheck } from '../core/team/team-service.js';
export type { UsageSite } from '../core/team/team-key-row.js';

/** The Audit view's Team side: every member's keys at now, the summary over the whole team, and the team's vaults (for the member filter). */
export interface TeamAuditReport {
  rows: TeamAuditRow[];
  summary: AuditSummary;
  vaults: TeamVault[];
}

/** A key as the vault table shows it: its record and its policy state now. */
export interface KeyRow extends KeyView {
  policy: { state: PolicyState; dueOn: string | null; dueBy: 'provider expiry' | 'max age' | null };
}

export interface AuditExport {
  filename: string;
  mediaType: string;
  content: string;
}

export type { Settings } from '../core/policy/settings.js';
