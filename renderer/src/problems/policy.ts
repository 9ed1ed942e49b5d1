import type { AreaWordings, PolicyProblem } from '../../../electron/contract/problems.js';

const DAYS_OF = { 'maximum-age': 'The maximum age', 'key-max-age': "The key's maximum age", production: 'The production maximum age', sandbox: 'The sandbox maximum age' } as const;

export const policyWordings: AreaWordings<PolicyProblem> = {
  'date.invalid': (p) => `"${p.value}" is not a date: choose the expiry date in the date field.`,
  'days.out-of-range': (p) => `${DAYS_OF[p.which]} must be a whole number of days between 1 and ${p.max}.`,
  'policy.provider-not-in-vault': (p) => `This vault has no instance of provider ${p.provider}: a rule for it would never apply. Remove it in Settings, or add an instance first.`,
  'policy.days-per-environment': () => 'Give the maximum age for each environment: production, sandbox, or both.',
  'policy.scope-conflict': () => 'A rule is for one provider or one instance, not both: choose one of them.',
  'policy.instance-days-missing': () => "Give the instance's maximum age in days, or remove its rule.",
  'policy.days-for-instance-only': () => 'A single maximum age is for one instance: give the default or a provider one per environment (production, sandbox).',
  'policy.default-not-clearable': () => "The default rule always has a value: change its days instead (only a provider's or an instance's rule can be removed).",
  'policy.days-missing': () => 'Give a maximum age for production keys, sandbox keys, or both.',
  'key-dates.nothing-to-change': () => "Nothing to change: give the key's expiry date, its maximum age, or both.",
};
