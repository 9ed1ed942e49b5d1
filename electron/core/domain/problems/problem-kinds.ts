import type { ProblemCode } from './catalogue.js';
import type { ProblemKind } from './kinds.js';
import { baselineKinds } from './baseline.kinds.js';
import { emergencyKinds } from './emergency.kinds.js';
import { generalKinds } from './general.kinds.js';
import { gitKinds } from './git.kinds.js';
import { injectKinds } from './inject.kinds.js';
import { instanceKinds } from './instance.kinds.js';
import { keyShapeKinds } from './key-shape.kinds.js';
import { keychainKinds } from './keychain.kinds.js';
import { policyKinds } from './policy.kinds.js';
import { providerKinds } from './provider.kinds.js';
import { referenceKinds } from './reference.kinds.js';
import { refKinds } from './refs.kinds.js';
import { reportKinds } from './report.kinds.js';
import { rotationKinds } from './rotation.kinds.js';
import { runKinds } from './run.kinds.js';
import { scanKinds } from './scan.kinds.js';
import { storeKinds } from './store.kinds.js';
import { targetKinds } from './targets.kinds.js';
import { teamKinds } from './team.kinds.js';
import { vaultKinds } from './vault.kinds.js';
import { warningKinds } from './warnings.kinds.js';

/** Every code's kind (one spread per area); the compiler checks none is missing. */
export const PROBLEM_KINDS = {
  ...generalKinds, ...baselineKinds, ...emergencyKinds, ...gitKinds, ...injectKinds, ...instanceKinds, ...keyShapeKinds, ...keychainKinds, ...policyKinds, ...providerKinds, ...referenceKinds, ...refKinds, ...reportKinds, ...rotationKinds, ...runKinds, ...scanKinds, ...storeKinds, ...targetKinds, ...teamKinds, ...vaultKinds, ...warningKinds,
} as const satisfies { readonly [C in ProblemCode]: ProblemKind };
