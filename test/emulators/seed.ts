// A few keys in every emulator, for `serve.ts --seed` (a demo vault, manual testing). The summary
// carries secrets on purpose: these are throwaway keys of a test tool.
import type { AllEmulators } from './index.js';
import type { NexoraKey, NoraKey, XerotierKey, XoraKey } from './types.js';

export interface SeedSummary {
  xora: XoraKey[];
  nexora: NexoraKey[];
  nora: NoraKey[];
  xerotier: XerotierKey[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function seedEmulators(all: AllEmulators, now: Date = new Date()): SeedSummary {
  all.xora.control.createKey({ name: 'Production API' });
  all.xora.control.createKey({ name: 'CI pipeline' });
  all.xora.control.revokeKey(all.xora.control.createKey({ name: 'Old laptop' }).id);

  all.nexora.control.createKey({ name: 'CI pipeline' });
  all.nexora.control.createKey({ name: 'Agents read-only', permissions: 'restricted' });

  const inThirtyDays = new Date(now.getTime() + 30 * DAY_MS).toISOString().slice(0, 10);
  all.nora.control.createKey({ name: 'backend-sandbox', env: 'sandbox' });
  all.nora.control.createKey({ name: 'backend-2026-04', env: 'production', expiresAt: inThirtyDays });
  all.nora.control.createKey({ name: 'reporting (no apiKey.read)', env: 'production', permissions: [] });
  all.nora.control.revokeKey(all.nora.control.createKey({ name: 'backend-2026-01', env: 'production' }).id);

  all.xerotier.control.createKey({ name: 'inference-prod' });
  const research = all.xerotier.control.createProject({ slug: 'research' });
  all.xerotier.control.createKey({ name: 'notebooks', projectId: research.id });

  return {
    xora: all.xora.control.keys(),
    nexora: all.nexora.control.keys(),
    nora: all.nora.control.keys(),
    xerotier: all.xerotier.control.keys(),
  };
}
