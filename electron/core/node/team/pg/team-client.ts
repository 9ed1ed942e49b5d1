import pg from 'pg';
import { ProblemError, fail } from '../../../domain/problems/problem-error.js';
import { pgClientConfig } from './client-config.js';
import { parseTeamUrl, type TeamUrl } from './connection-url.js';
import { teamProblemOf } from './pg-problems.js';

/**
 * One `pg` connection to a team database, used one call at a time: a transaction never has
 * another call's statements in it. Every failure comes out as a team problem, without the password.
 */
export interface TeamClient {
  readonly url: TeamUrl;
  /** Runs `work` alone on the connection. */
  run<T>(work: (client: pg.Client) => Promise<T>): Promise<T>;
  /** Runs `work` alone, in one transaction (rolled back when it throws). */
  transaction<T>(work: (client: pg.Client) => Promise<T>): Promise<T>;
  problemOf(error: unknown): ProblemError;
  close(): Promise<void>;
}

/** Connects (within `timeoutMs`, or team.unreachable) as the URL's role with `password` (or the URL's own). */
export async function connectTeamClient(urlText: string, password: string, timeoutMs: number): Promise<TeamClient> {
  const url = parseTeamUrl(urlText);
  const secret = password !== '' ? password : (url.password ?? '');
  const context = { database: url.display, role: url.role, password: secret };
  const client = new pg.Client(pgClientConfig(url, secret, timeoutMs));
  let lost: unknown = null;
  // A connection that drops while idle emits 'error': without a listener it would end the process.
  client.on('error', (error) => {
    lost = error;
  });
  client.on('end', () => {
    lost ??= new Error('the connection ended');
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProblemError({ code: 'team.unreachable', database: url.display, reason: `no answer within ${timeoutMs} ms` })), timeoutMs);
  });
  try {
    await Promise.race([client.connect(), timedOut]);
  } catch (error) {
    void client.end().catch(() => undefined);
    throw teamProblemOf(error, { ...context, connectingOverTls: url.sslmode !== 'disable' });
  } finally {
    clearTimeout(timer);
  }

  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  const problemOf = (error: unknown) => teamProblemOf(error, context);
  const run = <T>(work: (c: pg.Client) => Promise<T>): Promise<T> => {
    const next = queue.then(async () => {
      if (closed) fail('team.database-failed', { reason: 'the connection was closed' });
      if (lost !== null) throw problemOf(lost);
      try {
        return await work(client);
      } catch (error) {
        throw problemOf(error);
      }
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    url,
    run,
    problemOf,
    transaction: (work) =>
      run(async (c) => {
        await c.query('BEGIN');
        try {
          const result = await work(c);
          await c.query('COMMIT');
          return result;
        } catch (error) {
          await c.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    close: async () => {
      if (closed) return;
      await queue;
      closed = true;
      await client.end().catch(() => undefined);
    },
  };
}
