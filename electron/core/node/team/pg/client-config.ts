import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { ClientConfig } from 'pg';
import { fail } from '../../../domain/problems/problem-error.js';
import type { TeamUrl } from './connection-url.js';

/** How long connecting may take by default: the desktop never waits long on the database. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;
/**
 * The longest one statement may run on the server, and (a little longer) how long the client waits
 * for any answer: a hung or paused server ends in team.unreachable, never in a command that hangs.
 */
export const STATEMENT_TIMEOUT_MS = 20_000;
const QUERY_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 5_000;
/** A transaction left open by a client that died (SIGKILL mid-sync) gives its locks back after this. */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

function readTlsFile(url: TeamUrl, name: string): string | undefined {
  const path = url.params[name];
  if (path === undefined || path === '' || (name === 'sslrootcert' && path === 'system')) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return fail('team.tls-failed', { database: url.display, reason: `${name} ${path} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` }, { cause: error });
  }
}

/** The TLS options of an sslmode, as libpq means them (false: plain, on loopback only). */
export function tlsOptions(url: TeamUrl): false | ConnectionOptions {
  if (url.sslmode === 'disable') return false;
  const ca = readTlsFile(url, 'sslrootcert');
  const cert = readTlsFile(url, 'sslcert');
  const key = readTlsFile(url, 'sslkey');
  const files: ConnectionOptions = { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
  // require: encrypted, the certificate not checked (libpq's meaning, unless a root certificate is given).
  if (url.sslmode === 'require') return { ...files, rejectUnauthorized: ca !== undefined, ...(ca ? { checkServerIdentity: () => undefined } : {}) };
  // verify-ca: a trusted chain, any host name.
  if (url.sslmode === 'verify-ca') return { ...files, rejectUnauthorized: true, checkServerIdentity: () => undefined };
  return { ...files, rejectUnauthorized: true, ...(url.host.startsWith('/') ? {} : { servername: url.host }) };
}

/** The `pg` client's settings for a team URL and its password. */
export function pgClientConfig(url: TeamUrl, password: string, connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS): ClientConfig {
  return {
    host: url.host,
    port: url.port,
    user: url.role,
    password,
    database: url.database,
    ssl: tlsOptions(url),
    application_name: 'keyturn',
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    keepAlive: true,
    // Small statements, many of them: compiling one with JIT costs more than it could save.
    options: '-c jit=off',
  };
}
