// How pg and socket failures become team problems: by code, never by message, never with the password.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { outsideReason, teamProblemOf } from '../../../../../../electron/core/node/team/pg/pg-problems.js';

const context = { database: 'db.example.com:5432/team', role: 'kt_acme_ann', password: 'hunter2-secret' };
function sqlError(code: string, message = 'something'): Error {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.code = code;
  return error;
}
function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 10.0.0.1:5432`), { code });
}

describe('teamProblemOf', () => {
  it.each([
    [sqlError('28P01'), 'team.auth-failed'],
    [sqlError('28000'), 'team.auth-failed'],
    [sqlError('42501', 'new row violates row-level security policy for table "keys"'), 'team.write-refused'],
    [sqlError('57P01'), 'team.unreachable'],
    [sqlError('08006'), 'team.unreachable'],
    [sqlError('57014'), 'team.unreachable'],
    [sqlError('23505'), 'team.database-failed'],
    [systemError('ECONNREFUSED'), 'team.unreachable'],
    [systemError('ETIMEDOUT'), 'team.unreachable'],
    [systemError('EHOSTUNREACH'), 'team.unreachable'],
    [systemError('ENOTFOUND'), 'team.unreachable'],
    [systemError('DEPTH_ZERO_SELF_SIGNED_CERT'), 'team.tls-failed'],
    [systemError('ERR_TLS_CERT_ALTNAME_INVALID'), 'team.tls-failed'],
    [systemError('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'team.tls-failed'],
    [new Error('Connection terminated unexpectedly'), 'team.unreachable'],
    [new TypeError('bad value'), 'team.database-failed'],
  ])('%s → %s', (error, code) => {
    expect(teamProblemOf(error, context).problem.code).toBe(code);
  });

  it('a failure while connecting over TLS that is neither a system error nor the server\'s answer is the handshake\'s', () => {
    expect(teamProblemOf(new Error('The server does not support SSL connections'), { ...context, connectingOverTls: true }).problem.code).toBe('team.tls-failed');
  });

  it('never carries the password, and only the first line of what the database said', () => {
    const problem = teamProblemOf(sqlError('XX000', `failed for hunter2-secret\nDETAIL: more hunter2-secret`), context).problem;
    expect(JSON.stringify(problem)).not.toContain('hunter2-secret');
    expect(problem).toEqual({ code: 'team.database-failed', reason: 'failed for ***' });
    expect(outsideReason('a\u0007b\r', '')).toBe('a b');
  });
});
