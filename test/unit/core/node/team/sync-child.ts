// A sync in a process of its own, for the crash tests: `node --import tsx sync-child.ts CONFIG`.
// CONFIG: { home, password, hangAt?: 'before-deliver' | 'after-commit', chunk? }. It prints
// `HANG <point>` and waits to be killed at that point, else prints the outcome as JSON and exits.
import { MemorySecretStore } from '../../../../support/memory-secret-store.js';
import { keychainServiceFor, ensureVaultIdentity } from '../../../../../electron/core/node/store/home.js';
import { openPgTeamDatabase } from '../../../../../electron/core/node/team/pg/pg-team-database.js';
import { TEAM_PASSWORD_ACCOUNT } from '../../../../../electron/core/team/team-connection.js';
import type { TeamDatabase } from '../../../../../electron/core/ports/team-database.js';
import { teamTestVault } from './team-vault.js';

const config = JSON.parse(process.argv[2] ?? '{}') as { home: string; password: string; hangAt?: 'before-deliver' | 'after-commit'; chunk?: number };
const hang = (point: string): Promise<never> => {
  process.stdout.write(`HANG ${point}\n`);
  return new Promise<never>(() => setInterval(() => undefined, 60_000));
};

const secrets = new MemorySecretStore();
await secrets.set(keychainServiceFor(ensureVaultIdentity(config.home)), TEAM_PASSWORD_ACCOUNT, config.password);
const v = teamTestVault(config.home, {
  secrets,
  ...(config.chunk ? { deliveryChunk: config.chunk } : {}),
  connectDatabase: async (connection) => {
    const db = await openPgTeamDatabase(connection);
    const hooked: TeamDatabase = {
      auditHashes: (id) => db.auditHashes(id),
      inventory: (filter) => db.inventory(filter),
      findByFingerprint: (fp) => db.findByFingerprint(fp),
      vaults: () => db.vaults(),
      leave: (id) => db.leave(id),
      setPolicy: (p) => db.setPolicy(p),
      identity: () => db.identity(),
      auditHead: (id) => db.auditHead(id),
      policy: () => db.policy(),
      close: () => db.close(),
      deliver: async (delivery) => {
        if (config.hangAt === 'before-deliver') await hang('before-deliver');
        const done = await db.deliver(delivery);
        if (config.hangAt === 'after-commit') await hang('after-commit');
        return done;
      },
    };
    return hooked;
  },
});
const outcome = await v.team.sync();
process.stdout.write(`${JSON.stringify(outcome)}\n`);
await v.close();
process.exit(0);
