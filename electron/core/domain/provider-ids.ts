// Apart from model.ts (its schemas are zod), so what only needs the list of ids loads nothing else.

/** The built-in providers; user-defined ones are `custom:<name>`. */
export const BUILTIN_PROVIDERS = ['xora', 'nexora', 'nora', 'xerotier'] as const;
export type BuiltinProviderId = (typeof BUILTIN_PROVIDERS)[number];
/** A provider's id: a built-in one, or `custom:<name>` for one the user described. */
export type ProviderId = BuiltinProviderId | `custom:${string}`;
