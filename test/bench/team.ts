// `npm run bench -- team`: the team inventory's numbers, on a throwaway PostgreSQL 15 started here
// (scripts/postgres-server.mjs, loopback only) and stopped when the part ends, whatever happens.
// `team-publish`, `team-audit` and `team-load` run one of its three parts.
import { rmSync } from 'node:fs';
import { startPostgres } from '../../scripts/postgres-server.mjs';
import { benchTeamAudit } from './team-audit.js';
import { teamHomes, type RecordResult } from './team-fixture.js';
import { benchTeamLoad } from './team-load.js';
import { benchTeamPublish } from './team-publish.js';

export const TEAM_PARTS = ['team-publish', 'team-audit', 'team-load'] as const;
export type TeamPart = (typeof TEAM_PARTS)[number];

/** `buildCli` runs before the audit part: it times the built CLI. */
export async function benchTeam(parts: ReadonlySet<TeamPart>, record: RecordResult, buildCli: () => void): Promise<void> {
  if (parts.has('team-audit')) buildCli();
  const server = await startPostgres();
  console.log(`team bench: PostgreSQL on 127.0.0.1:${server.port} (throwaway, data in ${server.dataDir})`);
  // Its exit hook stops the server on a normal exit; a signal would end this process without it.
  const stopOnSignal = (signal: NodeJS.Signals) => {
    void server.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    if (parts.has('team-publish')) await benchTeamPublish(server, record);
    if (parts.has('team-audit')) await benchTeamAudit(server, record);
    if (parts.has('team-load')) await benchTeamLoad(server, record);
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    await server.stop();
    for (const home of teamHomes()) rmSync(home, { recursive: true, force: true });
  }
}
