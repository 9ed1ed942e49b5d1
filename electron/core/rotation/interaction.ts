import type { RotationStepName, StepStatus } from '../domain/model.js';
import type { Problem } from '../domain/problems/catalogue.js';
import type { GuidedStep } from '../providers/profile.js';
import type { RemoteKeyQuestion } from './remote-id.js';
import type { StepProblem } from './step-problem.js';

export interface RotationProgress {
  step: RotationStepName;
  status: StepStatus;
  /** What the step does or did, host-neutral; a failed step's `problem`, when it has one, is what a host words. */
  detail: string;
  problem?: StepProblem;
}

/** A pasted new key, with the expiry the person chose for it in the dashboard (a provider with native expiry). */
export interface PastedKey {
  secret: string;
  /** YYYY-MM-DD; absent or empty: none chosen. */
  expiresOn?: string;
}

/**
 * What a rotation asks of the person driving it: the terminal prompts in the CLI, the wizard in
 * the app, scripted answers in tests.
 */
export interface RotationInteraction {
  /** Production instances: the instance name typed back. False stops before anything happens. */
  confirmProduction(instanceName: string): Promise<boolean>;
  /**
   * Guided create: where to go and what to click; returns the pasted key, or null to stop.
   * `problem` says what was wrong with the previous paste (the new-key check's refusal).
   */
  pasteNewKey(guide: GuidedStep, problem: Problem | null): Promise<string | PastedKey | null>;
  /** Guided revoke: where to go and what to click; the rotation then waits for the old key's 401. */
  showRevokeGuide(guide: GuidedStep): void;
  /** Something to know before the old key is revoked (it is still in use); false stops there. */
  confirmDespiteWarnings(warnings: readonly string[]): Promise<boolean>;
  /**
   * The provider lists several keys that could be the old one: the id of the one it is, or null to
   * leave it unknown for now (then it is asked again where it is needed, or revoked in the
   * dashboard). Absent: it stays unknown.
   */
  chooseRemoteKey?(question: RemoteKeyQuestion): Promise<string | null>;
  progress(event: RotationProgress): void;
}
