import type { AreaWordings } from '../../core/domain/problems/wording.js';
import type { ReportProblem } from '../../core/domain/problems/report.js';

export const reportWordings: AreaWordings<ReportProblem> = {
  'report.calendar-failed': (p) => `the calendar could not be written: ${p.reason}`,
  'report.formats-conflict': () => 'choose one of --json, --csv and --ics',
};
