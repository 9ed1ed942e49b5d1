import type { PolicyProblem } from '../../core/domain/problems/policy.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

const DAYS_OF = { 'maximum-age': 'the maximum age', 'key-max-age': '--max-age', production: 'the production maximum age', sandbox: 'the sandbox maximum age' } as const;

export const policyWordings: AreaWordings<PolicyProblem> = {
  'date.invalid': (p) => `--expires "${p.value}" is not a date: write it as YYYY-MM-DD`,
  'days.out-of-range': (p) => `${DAYS_OF[p.which]} must be a whole number of days between 1 and ${p.max}`,
  'policy.provider-not-in-vault': (p) => `no instance of provider ${p.provider} in this vault: check the name with "keyturn instance list"`,
  'policy.days-per-environment': () => 'give the maximum age per environment: --production DAYS and/or --sandbox DAYS',
  'policy.scope-conflict': () => 'choose --provider or --instance, not both',
  'policy.instance-days-missing': () => 'give the instance a maximum age with --days DAYS (or --clear)',
  'policy.days-for-instance-only': () => '--days is for one instance: use --production and --sandbox otherwise',
  'policy.default-not-clearable': () => '--clear removes a --provider or --instance override; the default always has a value',
  'policy.days-missing': () => 'give --production DAYS and/or --sandbox DAYS',
  'key-dates.nothing-to-change': () => 'give --expires and/or --max-age',
};
