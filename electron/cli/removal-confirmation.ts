import type { Instance } from '../core/domain/model.js';
import type { RemovalConfirmation } from '../core/vault/removal-rules.js';
import type { CliIo } from './io.js';

/**
 * How the terminal confirms removing from a production instance: --yes, or its name typed back at
 * a prompt. Without a terminal and without --yes nothing is typed, and core refuses
 * (`removal.not-confirmed`, exit 2): a script says --yes on purpose.
 */
export async function confirmRemoval(io: CliIo, instance: Instance, what: string, yes: boolean | undefined): Promise<RemovalConfirmation> {
  if (yes) return { yes: true };
  if (instance.env !== 'production' || !io.ask) return {};
  const typed = await io.ask(`${what} is in the PRODUCTION instance "${instance.name}". Type its name to remove it:`);
  return { confirmInstanceName: typed.trim() };
}
