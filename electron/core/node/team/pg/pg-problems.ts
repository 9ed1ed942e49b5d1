import pg from 'pg';
import { ProblemError, fail } from '../../../domain/problems/problem-error.js';

/** Where a failure happened and what it must never show: the URL's display and the role's password. */
export interface FailureContext {
  database: string;
  role: string;
  password: string;
  /** Connecting, over TLS: a failure that is neither a system error nor the server's answer is the handshake's. */
  connectingOverTls?: boolean;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE', 'ENOENT']);
// Node's TLS and OpenSSL's certificate errors (tls.connect and the peer check).
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|ERR_OSSL_)/;
/** The keyturn.audit_entries trigger's SQLSTATE: an entry that does not chain on the vault's head. */
export const NOT_CHAINING_SQLSTATE = 'KT001';

/** The first line of an outside message, without control characters, short, and never holding the password. */
export function outsideReason(text: string, password: string): string {
  // eslint-disable-next-line no-control-regex
  let line = (text.split('\n')[0] ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (password !== '') line = line.split(password).join('***');
  return line.length > 300 ? `${line.slice(0, 299)}…` : line || 'no reason given';
}

/** SQLSTATEs that mean the server went away or would not serve (shutting down, starting, cancelled on a timeout). */
function unreachableState(code: string): boolean {
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '57014';
}

/**
 * A `pg` or socket failure as a team problem. By the error's code only (SQLSTATE, Node's system
 * code): never by its message. A problem already made passes through.
 */
export function teamProblemOf(error: unknown, context: FailureContext): ProblemError {
  if (error instanceof ProblemError) return error;
  const reason = outsideReason(error instanceof Error ? error.message : String(error), context.password);
  const code = typeof (error as { code?: unknown })?.code === 'string' ? ((error as { code: string }).code) : null;
  try {
    if (error instanceof pg.DatabaseError && code !== null) {
      if (code === '28P01' || code === '28000') fail('team.auth-failed', { database: context.database, role: context.role });
      if (code === '42501') fail('team.write-refused', { reason });
      if (unreachableState(code)) fail('team.unreachable', { database: context.database, reason });
      fail('team.database-failed', { reason });
    }
    // A fault of ours (a value the driver could not send), not the database's silence.
    if (error instanceof TypeError || error instanceof RangeError) fail('team.database-failed', { reason });
    if (code !== null && TLS_CODE.test(code)) fail('team.tls-failed', { database: context.database, reason });
    if (code !== null && UNREACHABLE_CODES.has(code)) fail('team.unreachable', { database: context.database, reason: code });
    if (context.connectingOverTls && code === null) fail('team.tls-failed', { database: context.database, reason });
    // pg's own connection failures (terminated, timed out) carry no code: the database did not answer.
    fail('team.unreachable', { database: context.database, reason });
  } catch (problem) {
    (problem as ProblemError).cause ??= error;
    return problem as ProblemError;
  }
}
