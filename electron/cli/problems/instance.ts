import type { InstanceProblem } from '../../core/domain/problems/instance.js';
import type { AreaWordings } from '../../core/domain/problems/wording.js';

export const instanceWordings: AreaWordings<InstanceProblem> = {
  'base-url.required': (p) => `${p.provider} has no public base URL: pass --base-url in the form ${p.form}`,
  'base-url.not-a-url': (p) => `--base-url "${p.value}" is not a URL: write it in the form ${p.form}`,
  'base-url.not-https': (p) => `--base-url must use https (plain http only for 127.0.0.1 or localhost): ${p.provider} keys would cross the network in clear`,
  'base-url.has-extras': () => '--base-url must not carry a query, fragment or credentials',
  'verify-path.invalid': (p) => `--verify-path "${p.value}" must be a path starting with "/" (letters, digits, ".", "_", "~", "-", "/")`,
  'verify-path.not-given': () => 'give --verify-path PATH (or "default")',
  'project-id.required': (p) => `${p.provider} calls go to /<project_id>/...: pass --project-id (e.g. ${p.example})`,
  'project-id.invalid': (p) => `--project-id "${p.value}" may use only letters, digits, "_" and "-"`,
  'instance.not-found': (p) => `no instance ${p.ref}: add it with "keyturn instance add ${p.provider} ${p.org} ${p.name} --env sandbox|production"`,
};
