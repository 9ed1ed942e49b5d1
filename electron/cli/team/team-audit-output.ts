import { teamAuditCsvHeader, teamAuditCsvLines, teamAuditSummary, type TeamAuditRow } from '../../core/team/team-audit.js';
import { table } from '../format.js';
import { addSummaries, EMPTY_SUMMARY, TEAM_AUDIT_HEADER, teamAuditCells, teamSummaryLine } from './team-format.js';

export type TeamAuditFormat = 'table' | 'csv' | 'json';

/**
 * Writes `team audit` as the rows arrive: CSV and JSON batch by batch (the first row is out while
 * the database still sends the rest), the table once it has them all (its columns are as wide as
 * their widest cell). Returns how many rows it wrote.
 */
export async function writeTeamAudit(batches: AsyncIterable<TeamAuditRow[]>, format: TeamAuditFormat, now: Date, write: (text: string) => void): Promise<number> {
  let count = 0;
  let summary = EMPTY_SUMMARY;
  const members = new Set<string>();
  const vaults = new Set<string>();
  const tableRows: string[][] = [];
  if (format === 'csv') write(teamAuditCsvHeader());
  if (format === 'json') write('{"rows": [');
  for await (const rows of batches) {
    if (rows.length === 0) continue;
    summary = addSummaries(summary, teamAuditSummary(rows, now));
    for (const r of rows) {
      members.add(r.member);
      vaults.add(r.vaultId);
    }
    if (format === 'csv') write(teamAuditCsvLines(rows));
    else if (format === 'json') write(`${count === 0 ? '\n' : ',\n'}${rows.map((r) => JSON.stringify(r)).join(',\n')}`);
    else tableRows.push(...rows.map(teamAuditCells));
    count += rows.length;
  }
  if (format === 'json') write(`${count === 0 ? '' : '\n'}],\n"summary": ${JSON.stringify({ ...summary, members: members.size, vaults: vaults.size })}}\n`);
  if (format === 'table') {
    write(table([[...TEAM_AUDIT_HEADER], ...tableRows]));
    write(teamSummaryLine(summary, members.size, vaults.size));
  }
  return count;
}
