// A rotation step's problem as every host reads it: the CLI and the app word the same problem,
// read from the stored step by the same rule (a failed step, a code this version knows).
export { problemOfStep, type StepProblem } from '../core/rotation/step-problem.js';
