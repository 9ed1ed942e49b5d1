import type { AreaWordings, InstanceProblem } from '../../../electron/contract/problems.js';

export const instanceWordings: AreaWordings<InstanceProblem> = {
  'base-url.required': (p) => `${p.provider} has no public address: enter the base URL, in the form ${p.form}.`,
  'base-url.not-a-url': (p) => `"${p.value}" is not a URL: enter the base URL in the form ${p.form}.`,
  'base-url.not-https': (p) => `The base URL must start with https:// (plain http only for 127.0.0.1 or localhost), or ${p.provider} keys would cross the network in clear.`,
  'base-url.has-extras': () => 'The base URL must not carry a query (?…), a fragment (#…) or a user name and password.',
  'verify-path.invalid': (p) => `"${p.value}" is not a path: the verify path starts with "/" and uses letters, digits, ".", "_", "~", "-" and "/".`,
  'verify-path.not-given': () => "Enter the verify path, or choose the provider's default.",
  'project-id.required': (p) => `${p.provider} calls go to /<project id>/…: enter the project id (for example ${p.example}).`,
  'project-id.invalid': (p) => `"${p.value}" is not a project id: use only letters, digits, "_" and "-".`,
  'instance.not-found': (p) => `There is no instance ${p.ref} in this vault: add it first, or choose one from the tree.`,
};
