import type { AreaWordings, PolicyProblem } from '../../../electron/contract/problems.js';

const DAYS_OF = { 'maximum-age': 'The maximum age', 'key-max-age': "The key's maximum age", production: 'The production maximum age', sandbox: 'The sandbox maximum age' } as const;

export const policyWordings: AreaWordings<PolicyProblem> = {
  'date.invalid': (p) => `"${p.value}" is not a date: choose the expiry date in the date field.`,
  'days.out-of-range': (p) => `${DAYS_OF[p.which]} must be a whole number of days between 1 and ${p.max}.`,
  'policy.provider-not-in-vault': (p) => `This vault has no instance of provider ${p.provider}: a rule for it would never apply. Remove it in Settings, or add an instance first.`,
  'policy.days-per-environment': () => 'Give the maximum age for each environment: production, sandbox, or both.',
};
