import type { TargetKindModule } from '../../../../targets/kind-module.js';

// Placeholder while the inject kind is built on its branch: refuses to make a target, fails a write.
export const injectKind: TargetKindModule<'inject'> = {
  make() {
    throw new Error('internal: inject targets are not built yet');
  },
  sameAs: (a, b) => a.output === b.output,
  check: async () => 'inject targets are not built yet',
  write: async () => ({ ok: false, detail: 'inject targets are not built yet' }),
};
