import pg from 'pg';
import { sha256 } from '../../../../../electron/core/node/audit/audit-log.js';
import { localLogLines } from '../../../../../electron/core/node/team/local-log.js';
import { MemorySecretStore } from '../../../../support/memory-secret-store.js';
import { freshTeamDatabase } from '../../../../support/team-database.js';
import { tempHome } from '../../../../support/temp-home.js';
import type { TeamDeps } from '../../../../../electron/core/node/team/open-team.js';
import { teamTestVault, type TeamTestVault } from './team-vault.js';

export interface TestTeam {
  name: string;
  adminUrl: string;
  /** The administrator's vault (init and invite ran there). */
  admin: TeamTestVault;
  /** A member's vault, invited and connected (its own home, its own keychain). */
  member(name: string, options?: { lead?: boolean; machine?: string; deliveryChunk?: number; connectDatabase?: TeamDeps['connectDatabase'] }): Promise<TeamTestVault & { url: string; secrets: MemorySecretStore }>;
  /** Runs SQL as the superuser on the team's database (to look at what the team holds). */
  sql<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

/** A team of its own on the run's server (a fresh database), made through the team service as an administrator would. */
export async function makeTestTeam(label: string, adminUrlOf?: () => Promise<{ adminUrl: string; suffix: string }>): Promise<TestTeam> {
  const { adminUrl, suffix } = adminUrlOf ? await adminUrlOf() : await freshTeamDatabase(label);
  const name = `t${suffix}`;
  const opened: TeamTestVault[] = [];
  const admin = teamTestVault(tempHome(), { secrets: new MemorySecretStore(), machine: 'admin-box' });
  opened.push(admin);
  await admin.team.init({ url: adminUrl, team: name });
  return {
    name,
    adminUrl,
    admin,
    async member(member, options = {}) {
      const invited = await admin.team.invite({ member, lead: options.lead ?? false });
      const secrets = new MemorySecretStore();
      const v = teamTestVault(tempHome(), { secrets, machine: options.machine ?? `${member}-laptop`, ...(options.deliveryChunk ? { deliveryChunk: options.deliveryChunk } : {}), ...(options.connectDatabase ? { connectDatabase: options.connectDatabase } : {}) });
      opened.push(v);
      await v.team.connect({ url: invited.url, team: name });
      return Object.assign(v, { url: invited.url, secrets });
    },
    async sql(text, values = []) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        return (await client.query(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    async close() {
      for (const v of opened.splice(0)) await v.close();
    },
  };
}

/** The team's copy of one vault's log, line by line, as the database holds it. */
export async function teamLogOf(team: TestTeam, vaultId: string): Promise<string[]> {
  const rows = await team.sql<{ seq: number; line: string }>('SELECT seq, line FROM keyturn.audit_entries WHERE vault_id = $1 ORDER BY seq', [vaultId]);
  return rows.map((r) => r.line);
}

/** The local log's line hashes, to compare with the team's. */
export function localHashes(home: string): string[] {
  return localLogLines(home).map(sha256);
}
