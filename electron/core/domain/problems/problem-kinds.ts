import type { ProblemCode } from './catalogue.js';
import type { ProblemKind } from './kinds.js';
import { generalKinds } from './general.kinds.js';
import { instanceKinds } from './instance.kinds.js';
import { legacyKinds } from './legacy.kinds.js';
import { refKinds } from './refs.kinds.js';

/** Every code's kind (one spread per area); the compiler checks none is missing. */
export const PROBLEM_KINDS = {
  ...generalKinds, ...instanceKinds, ...refKinds, ...legacyKinds,
} as const satisfies { readonly [C in ProblemCode]: ProblemKind };
