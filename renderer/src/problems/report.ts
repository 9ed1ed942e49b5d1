import type { AreaWordings, ReportProblem } from '../../../electron/contract/problems.js';

export const reportWordings: AreaWordings<ReportProblem> = {
  'report.calendar-failed': (p) => `The calendar could not be written (${p.reason}): export the CSV or JSON instead.`,
  'report.formats-conflict': () => 'An export is one file: choose JSON, CSV or a calendar.',
};
