import { startPostgres } from './scripts/postgres-server.mjs';
import { benchTeam, joinedVault } from './test/bench/team-fixture.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
const server = await startPostgres();
try {
  const team = await benchTeam(server, 'lock');
  const core = await joinedVault(team, 'owner');
  console.log('connected; sync lock dir left:', existsSync(join(core.home, 'team-sync.lock')));
  const s = performance.now();
  const out = await core.team.sync();
  console.log('second sync', (performance.now() - s).toFixed(0), 'ms', JSON.stringify(out.delivered));
  await new Promise((r) => setTimeout(r, 3000));
  console.log('alive after 3 s');
  await core.close();
} finally { await server.stop(); }
