// What crosses to the renderer: metadata views, never a secret (except the explicit reveal and copy).
import type { Environment, Instance, Rotation, Target, Verification } from '../core/domain/model.js';
import type { GuidedStep } from '../core/providers/profile.js';
import type { PolicyState } from '../core/policy/key-policy.js';
import type { DisplayedFinding } from '../core/scan/finding.js';
import type { KeyView } from '../core/vault/views.js';

export type { Environment, Instance, Rotation, Target, Verification, GuidedStep, KeyView, PolicyState };

export interface ProviderInfo {
  id: string;
  displayName: string;
  keyFormat: string;
  needsProjectId: boolean;
  needsBaseUrl: boolean;
  createBy: 'api' | 'guided';
  revokeBy: 'api' | 'guided';
  rotateInPlace: boolean;
}

export interface VaultOverview {
  instances: Instance[];
  keys: KeyRow[];
  /** Live keys due soon, overdue or expired: the window title and the dock badge. */
  attention: number;
  providers: ProviderInfo[];
  /** The store's own warnings (a corrupt file moved aside). */
  warnings: string[];
}

export interface KeyDetail {
  key: KeyView;
  targets: Target[];
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
  refusal: string | null;
  /** Nothing is at the path (its folder exists): the file can be created if the person allows it. */
  missing: boolean;
}

export interface KeyCheck {
  problem: string | null;
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
  | { kind: 'paste'; guide: GuidedStep; problem: string | null }
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
  match: { ref: string; key: KeyView; targets: Target[] } | null;
  /** For a key not in the vault: whose it looks like and how to revoke it there. */
  guess: { provider: string; environment: Environment | null; guide: GuidedStep } | null;
}

/** Every stored key and provider-shaped string of the pasted text, in the order they appear. */
export interface LeakFinding {
  candidates: LeakCandidateView[];
}

export interface RevokeResult {
  ref: string;
  proven: boolean;
  path: 'api' | 'guided' | 'already';
  detail: string;
}

/** A key a folder scan found in a `.env` file (never the secret itself), and its ref when the vault holds it already. */
export type ScanFindingView = DisplayedFinding & { inVault: string | null };

export interface ScanResult {
  findings: ScanFindingView[];
  imported: { ref: string; targets: number; refusedTargets: { file: string; reason: string }[] }[];
  skipped: { maskedKey: string; reason: string }[];
  /** `.env`-style files the scan did not read (a link, a FIFO, too large), with why. */
  skippedFiles: { file: string; reason: string }[];
}

/** A path the person chose in the host's own file dialog; `available: false` where there is none (browser mode). */
export interface PickedPath {
  available: boolean;
  path: string | null;
}

export type { AuditRow, AuditSummary } from '../core/audit/audit-report.js';
export type { AuditEntry, LogVerification } from '../core/audit/audit-entry.js';

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
