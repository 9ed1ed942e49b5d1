// The problem catalogue as the renderer sees it: the schema that parses a failed call's problem,
// and the types each host's wordings are checked against. Core owns the catalogue; this re-exports it.
export { asProblem } from '../core/domain/problems/problem-shape.js';
export { PROBLEM_KINDS } from '../core/domain/problems/problem-kinds.js';
export { wordProblem } from '../core/domain/problems/wording.js';
export type { Problem, ProblemCode, ProblemOf } from '../core/domain/problems/catalogue.js';
export type { AreaWordings, Wordings } from '../core/domain/problems/wording.js';
export type { ProblemField } from '../core/domain/problems/params.js';
export type { ProblemKind } from '../core/domain/problems/kinds.js';
export type { GeneralProblem } from '../core/domain/problems/general.js';
export type { BaselineProblem } from '../core/domain/problems/baseline.js';
export type { EmergencyProblem } from '../core/domain/problems/emergency.js';
export type { GitProblem } from '../core/domain/problems/git.js';
export type { InjectProblem } from '../core/domain/problems/inject.js';
export type { InstanceProblem } from '../core/domain/problems/instance.js';
export type { KeyShapeProblem } from '../core/domain/problems/key-shape.js';
export type { KeychainProblem } from '../core/domain/problems/keychain.js';
export type { PolicyProblem } from '../core/domain/problems/policy.js';
export type { ProviderProblem } from '../core/domain/problems/provider.js';
export type { ReferenceProblem } from '../core/domain/problems/reference.js';
export type { RefProblem } from '../core/domain/problems/refs.js';
export type { ReportProblem } from '../core/domain/problems/report.js';
export type { RotationProblem } from '../core/domain/problems/rotation.js';
export type { RunProblem } from '../core/domain/problems/run.js';
export type { ScanProblem } from '../core/domain/problems/scan.js';
export type { StoreProblem } from '../core/domain/problems/store.js';
export type { TargetProblem } from '../core/domain/problems/targets.js';
export type { VaultProblem } from '../core/domain/problems/vault.js';
export type { WarningProblem } from '../core/domain/problems/warnings.js';
