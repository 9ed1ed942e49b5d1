// `team audit` over 50 members × 2,000 keys (100,000 rows) and `team find --leaked` over the same:
// end to end through the built CLI on a connected lead's vault home, and in process through
// TeamService (where the time goes). The members are invited with `team invite`'s code and deliver
// their rows through their own connections (the database's row-level security applies to them).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pLimit from 'p-limit';
import { fingerprintOf } from '../../electron/core/crypto/fingerprint.js';
import type { VaultDocument } from '../../electron/core/domain/model.js';
import { openPgTeamDatabase } from '../../electron/core/node/team/pg/pg-team-database.js';
import { TEAM_CSV_COLUMNS, teamAuditCsvLines, teamAuditRowAt } from '../../electron/core/team/team-audit.js';
import { teamKeyRows } from '../../electron/core/team/team-key-row.js';
import type { ThrowawayPostgres } from '../../scripts/postgres-server.mjs';
import { analyzeTeamTables, benchTeam, generatedKeys, joinedVault, median, ms, runsOf, within, type BenchTeam, type RecordResult } from './team-fixture.js';

const MEMBERS = 50;
const KEYS_PER_MEMBER = 2_000;
const ROWS = MEMBERS * KEYS_PER_MEMBER;
const DELIVERY_BATCH = 1_000;
const CLI_RUNS = 5;
const FIND_RUNS = 21;
const CLI_LIMIT_MS = 60_000;
/** The member whose key leaked, and which of its keys. */
const HOLDER = 37;
const LEAKED_INDEX = 1_234;

const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);
const memberName = (m: number) => `member${String(m).padStart(2, '0')}`;

/** The 50 members, each delivering its 2,000 rows through its own connection; returns the leaked key's secret. */
async function seedTeam(team: BenchTeam): Promise<string> {
  const leaked = `sk_live_${randomBytes(24).toString('hex')}`;
  const now = new Date();
  const at = now.toISOString();
  const limit = pLimit(4);
  await Promise.all(
    Array.from({ length: MEMBERS }, (_, m) =>
      limit(async () => {
        const url = await team.invite(memberName(m));
        const generated = generatedKeys(KEYS_PER_MEMBER, at);
        if (m === HOLDER) {
          const key = generated.keys[LEAKED_INDEX];
          if (!key) throw new Error('no key to leak');
          key.fingerprint = fingerprintOf(leaked);
          key.maskedKey = `${leaked.slice(0, 12)}…`;
        }
        const doc: VaultDocument = { schemaVersion: 1, ...generated, customProviders: [], rotations: [] };
        const rows = teamKeyRows(doc, now);
        const db = await openPgTeamDatabase({ url, password: passwordOf(url) });
        try {
          const vault = { vaultId: randomBytes(16).toString('hex'), machine: `laptop-${m}` };
          for (let i = 0; i < rows.length; i += DELIVERY_BATCH) {
            await db.deliver({ vault, keys: rows.slice(i, i + DELIVERY_BATCH).map((row) => ({ keyId: row.keyId, revision: 1, row })), audit: [] });
          }
        } finally {
          await db.close();
        }
      }),
    ),
  );
  return leaked;
}

interface CliTiming {
  firstByte: number;
  firstRow: number;
  exit: number;
  rows: number;
}

/** `keyturn team audit --csv` as a person runs it: the first byte and the first row on stdout, the exit, the rows counted. */
function timedAuditCsv(home: string): Promise<CliTiming> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['dist/cli/keyturn.mjs', '--home', home, 'team', 'audit', '--csv'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_LIMIT_MS);
    let firstByte = NaN;
    let firstRow = NaN;
    let newlines = 0;
    let stderr = '';
    let head = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const now = performance.now();
      if (Number.isNaN(firstByte)) firstByte = now - started;
      if (head.length < 4096) head += chunk.toString('utf8', 0, Math.min(chunk.length, 4096));
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) {
        newlines++;
        // The header is the first line; the first row ends at the second newline.
        if (newlines === 2 && Number.isNaN(firstRow)) firstRow = now - started;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const exit = performance.now() - started;
      if (code !== 0) return reject(new Error(`team audit --csv ended with ${code ?? signal}: ${stderr.slice(0, 400)}`));
      if (!head.startsWith(TEAM_CSV_COLUMNS.join(','))) return reject(new Error(`team audit --csv began with ${JSON.stringify(head.slice(0, 200))}`));
      resolve({ firstByte, firstRow, exit, rows: newlines - 1 });
    });
  });
}

function timedSpawn(args: readonly string[], input: string | undefined, check: (stdout: string) => boolean): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', input, timeout: CLI_LIMIT_MS });
  const elapsed = performance.now() - started;
  if (!check(run.stdout)) throw new Error(`${args.join(' ')} ended with ${run.status ?? run.signal}: ${run.stdout.slice(0, 300)} ${run.stderr.slice(0, 300)}`);
  return elapsed;
}

export async function benchTeamAudit(server: ThrowawayPostgres, record: RecordResult): Promise<void> {
  const team = await benchTeam(server, 'audit');
  const seedStarted = performance.now();
  const leaked = await within('seeding 100,000 rows', 600_000, seedTeam(team));
  const seedMs = performance.now() - seedStarted;
  await analyzeTeamTables(team);
  const lead = await joinedVault(team, 'lead', { lead: true });
  try {
    const first = await lead.team.sync();
    if (first.problem) throw new Error(`the lead's first sync stopped short: ${JSON.stringify(first.problem)}`);
    record(`team: set up ${MEMBERS} members (team invite) delivering ${KEYS_PER_MEMBER.toLocaleString('en')} rows each through their own connections, then ANALYZE (as autovacuum would within a minute)`, `${(seedMs / 1000).toFixed(1)} s for ${ROWS.toLocaleString('en')} rows`, 'reported', true);

    // In process, on the lead's open service: what the CLI's time is made of.
    const inProcess = { first: [] as number[], all: [] as number[], csv: [] as number[] };
    for (let r = 0; r < 3; r++) {
      const started = performance.now();
      let rows = 0;
      let csvMs = 0;
      const now = new Date();
      for await (const batch of lead.team.audit({})) {
        if (rows === 0) inProcess.first.push(performance.now() - started);
        rows += batch.length;
        const csvStarted = performance.now();
        teamAuditCsvLines(batch.map((row) => teamAuditRowAt(row, now)));
        csvMs += performance.now() - csvStarted;
      }
      inProcess.all.push(performance.now() - started);
      inProcess.csv.push(csvMs);
      if (rows !== ROWS) throw new Error(`TeamService.audit gave ${rows} rows, expected ${ROWS}`);
    }
    record(
      `team: TeamService.audit over ${ROWS.toLocaleString('en')} rows in process (the lead's open connection), each batch also made CSV`,
      `first batch ${ms(median(inProcess.first))}, all rows ${ms(median(inProcess.all))}, of which CSV formatting ${ms(median(inProcess.csv))} (medians of 3)`,
      'reported',
      true,
    );

    const cli: CliTiming[] = [];
    const bare: number[] = [];
    for (let r = 0; r < CLI_RUNS; r++) {
      bare.push(timedSpawn(['-e', '0'], undefined, () => true));
      const timing = await timedAuditCsv(lead.home);
      if (timing.rows !== ROWS) throw new Error(`team audit --csv printed ${timing.rows} rows, expected ${ROWS}`);
      cli.push(timing);
    }
    const firstRow = median(cli.map((c) => c.firstRow));
    const whole = median(cli.map((c) => c.exit));
    record(
      `team: "keyturn team audit --csv" over ${MEMBERS} members × ${KEYS_PER_MEMBER.toLocaleString('en')} keys, built CLI end to end: first row on stdout`,
      `${ms(firstRow)} (median of ${CLI_RUNS}: ${runsOf(cli.map((c) => c.firstRow))} ms; first byte ${ms(median(cli.map((c) => c.firstByte)))}; a bare node -e 0 ${ms(median(bare))} in the same loop)`,
      '< 500 ms',
      firstRow < 500,
    );
    record(
      `team: the same, the whole CSV (${ROWS.toLocaleString('en')} rows) to the exit`,
      `${ms(whole)} (median of ${CLI_RUNS}: ${runsOf(cli.map((c) => c.exit))} ms)`,
      '< 2 s',
      whole < 2_000,
    );

    // team find --leaked: the look-up (fingerprint index) on the open service, then the CLI end to end.
    const fingerprint = fingerprintOf(leaked);
    const coldStarted = performance.now();
    const coldMatches = await lead.team.find(fingerprint);
    const cold = performance.now() - coldStarted;
    const holder = memberName(HOLDER);
    if (coldMatches.length !== 1 || coldMatches[0]?.member !== holder) throw new Error(`find gave ${JSON.stringify(coldMatches.map((m) => m.member))}, expected [${holder}]`);
    const lookups: number[] = [];
    for (let r = 0; r < FIND_RUNS; r++) {
      const started = performance.now();
      const matches = await lead.team.find(fingerprint);
      lookups.push(performance.now() - started);
      if (matches.length !== 1) throw new Error(`find gave ${matches.length} matches`);
    }
    // The same look-up on a connection already open (TeamService opens one per call): the query itself.
    const oncallUrl = await team.invite('oncall');
    const oncall = await openPgTeamDatabase({ url: oncallUrl, password: passwordOf(oncallUrl) });
    const queries: number[] = [];
    try {
      for (let r = 0; r < FIND_RUNS; r++) {
        const started = performance.now();
        const found = await oncall.findByFingerprint(fingerprint);
        queries.push(performance.now() - started);
        if (found.length !== 1 || found[0]?.member !== holder) throw new Error(`findByFingerprint gave ${found.length} rows`);
      }
    } finally {
      await oncall.close();
    }
    const miss = performance.now();
    const none = await lead.team.find(fingerprintOf(`sk_live_${randomBytes(24).toString('hex')}`));
    const missMs = performance.now() - miss;
    if (none.length !== 0) throw new Error('find matched a key nobody holds');
    record(
      `team: find a leaked key by fingerprint among ${ROWS.toLocaleString('en')} rows (TeamService.find, the look-up "team find --leaked" makes)`,
      `${ms(median(lookups))} median of ${FIND_RUNS}, ${ms(Math.max(...lookups))} max (on the service's kept connection); the first call (which opens it: keychain read, TCP, SCRAM, schema check) ${ms(cold)}; a string nobody holds ${ms(missMs)}; the query alone on an open connection (a plain member's) ${ms(median(queries))} median of ${FIND_RUNS}`,
      '< 100 ms (the look-up)',
      median(lookups) < 100,
    );
    const cliFind: number[] = [];
    const bareFind: number[] = [];
    for (let r = 0; r < 11; r++) {
      bareFind.push(timedSpawn(['-e', '0'], undefined, () => true));
      cliFind.push(timedSpawn(['dist/cli/keyturn.mjs', '--home', lead.home, 'team', 'find', '--leaked'], leaked, (out) => out.includes(holder)));
    }
    record(
      `team: "keyturn team find --leaked" (the string on stdin), built CLI end to end: holder, ref, usage sites and revocation steps printed`,
      `${ms(median(cliFind))} median of 11, beside a bare node -e 0 ${ms(median(bareFind))} in the same loop (${(median(cliFind) / median(bareFind)).toFixed(2)}×)`,
      'reported (the 100 ms target is the look-up\'s)',
      true,
    );
  } finally {
    await lead.close();
  }
}
