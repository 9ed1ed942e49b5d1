import type { TeamDatabase } from '../../../../../electron/core/ports/team-database.js';

/** A team database that forwards every call to `db` but those `overrides` replace: for tests that hook a delivery or a close. */
export function delegating(db: TeamDatabase, overrides: Partial<TeamDatabase>): TeamDatabase {
  return {
    identity: () => db.identity(),
    deliver: (delivery) => db.deliver(delivery),
    auditHead: (id) => db.auditHead(id),
    auditHashes: (id) => db.auditHashes(id),
    inventory: (filter) => db.inventory(filter),
    findByFingerprint: (fp) => db.findByFingerprint(fp),
    vaults: () => db.vaults(),
    leave: (id) => db.leave(id),
    policy: () => db.policy(),
    setPolicy: (p) => db.setPolicy(p),
    close: () => db.close(),
    ...overrides,
  };
}
