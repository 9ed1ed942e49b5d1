// Swap targets as every host words them: the one describer core uses for its audit details and
// journal, the CLI for its lists, and the app for the key detail and the emergency view.
export { describeTarget } from '../core/targets/describe.js';
export type { TargetDescription, TargetKind } from './views.js';
export { refusalReason } from '../core/targets/reasons.js';
