import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The impacts a screen may not have; minor and moderate findings are left to review. */
const blocking = new Set(['serious', 'critical']);

/**
 * Runs axe-core over the whole page as it stands (dialogs included) and returns each serious or
 * critical violation as one line — rule, impact, the element and axe's summary — so a failing
 * assertion reads as the list of what to fix.
 */
export async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  return results.violations
    .filter((v) => blocking.has(v.impact ?? ''))
    .flatMap((v) =>
      v.nodes.map((node) => {
        const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' ');
        const summary = (node.failureSummary ?? v.help).replace(/\s+/g, ' ').trim();
        return `${v.id} (${v.impact}) ${target}: ${summary}`;
      }),
    );
}
