import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../../core/domain/problems/problem-error.js';
import { parseTeamUrl } from '../../core/node/team/pg/connection-url.js';
import { teamAdminSchema } from '../../core/team/team-connection.js';
import type { CliIo } from '../io.js';

/**
 * The database password to use with this URL: null when the URL carries one (the service takes it
 * from there). Otherwise it is asked at a hidden prompt on a terminal; without one, `needed` (a
 * member's connection) fails with team.password-needed, and `optional` (an administrator's, which
 * may be trusted without a password on its own machine) goes on without.
 */
export async function passwordOf(io: CliIo, url: string, mode: 'needed' | 'optional'): Promise<string | null> {
  const parsed = parseTeamUrl(url);
  if (parsed.password !== null) return null;
  if (io.promptSecret) return io.promptSecret(`Password of the database role "${parsed.role}" at ${parsed.display} (input hidden):`);
  if (mode === 'needed') fail('team.password-needed', {});
  return null;
}

/** The team `team init` set up on this machine (team-admin.json), for the invitation's words; null when it cannot be read. */
export function keptAdminTeam(home: string): string | null {
  try {
    const parsed = teamAdminSchema.safeParse(JSON.parse(readFileSync(join(home, 'team-admin.json'), 'utf8')));
    return parsed.success ? parsed.data.team : null;
  } catch {
    return null;
  }
}
