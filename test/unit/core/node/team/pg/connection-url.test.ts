// Team database URLs: what is parsed, and the TLS rule (loopback may go plain; any other host needs TLS).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tlsOptions, pgClientConfig } from '../../../../../../electron/core/node/team/pg/client-config.js';
import { parseTeamUrl, urlWithPassword } from '../../../../../../electron/core/node/team/pg/connection-url.js';
import { isProblem } from '../../../../../../electron/core/domain/problems/problem-error.js';

function problemOf(url: string): unknown {
  try {
    parseTeamUrl(url);
    return null;
  } catch (error) {
    return isProblem(error) ? error.problem : error;
  }
}

describe('parseTeamUrl', () => {
  it.each([
    ['postgresql://ann:pw@127.0.0.1:5433/team', { role: 'ann', password: 'pw', host: '127.0.0.1', port: 5433, database: 'team', sslmode: 'disable', loopback: true, display: '127.0.0.1:5433/team' }],
    ['postgres://ann@localhost/team', { role: 'ann', password: null, host: 'localhost', port: 5432, sslmode: 'disable', loopback: true }],
    ['postgresql://ann@[::1]:6000/team', { host: '::1', port: 6000, loopback: true, display: '[::1]:6000/team' }],
    ['postgresql://ann@127.200.3.4/team', { loopback: true, sslmode: 'disable' }],
    ['postgresql://ann@/team?host=/var/run/postgresql', { host: '/var/run/postgresql', loopback: true, sslmode: 'disable', display: '/var/run/postgresql:5432/team' }],
    ['postgresql://ann@%2Ftmp%2Fpg/team', { host: '/tmp/pg', loopback: true }],
    ['postgresql://ann@localhost/team?sslmode=prefer', { sslmode: 'disable' }],
    ['postgresql://ann@localhost/team?sslmode=require', { sslmode: 'require' }],
    ['postgresql://ann@db.example.com/team', { host: 'db.example.com', sslmode: 'verify-full', loopback: false }],
    ['postgresql://ann@db.example.com/team?sslmode=require', { sslmode: 'require' }],
    ['postgresql://ann@db.example.com/team?sslmode=verify-ca&sslrootcert=/etc/ca.pem', { sslmode: 'verify-ca', params: { sslrootcert: '/etc/ca.pem' } }],
    ['postgresql://ann@10.0.0.5/team?sslmode=verify-full&application_name=x', { sslmode: 'verify-full', params: { application_name: 'x' } }],
    ['postgresql://ann%40corp:p%40ss%3Aword@db.example.com/my%20db', { role: 'ann@corp', password: 'p@ss:word', database: 'my db' }],
  ])('%s', (url, expected) => {
    expect(parseTeamUrl(url)).toMatchObject(expected);
  });

  it.each([
    ['postgresql://ann@db.example.com/team?sslmode=disable', 'disable'],
    ['postgresql://ann@db.example.com/team?sslmode=allow', 'allow'],
    ['postgresql://ann@10.1.2.3/team?sslmode=prefer', 'prefer'],
    ['postgresql://ann@128.0.0.1/team?sslmode=disable', 'disable'],
  ])('refuses a host other than loopback without TLS: %s', (url, given) => {
    expect(problemOf(url)).toMatchObject({ code: 'team.tls-required', given });
  });

  it.each([
    ['mysql://ann@localhost/team', 'postgresql://'],
    ['not a url', 'not a URL'],
    ['postgresql://localhost/team', 'no role'],
    ['postgresql://ann@localhost', 'no database'],
    ['postgresql://ann@localhost/', 'no database'],
    ['postgresql://ann@/team', 'no host'],
    ['postgresql://ann@localhost:notaport/team', 'port'],
    ['postgresql://ann@localhost:70000/team', 'port'],
    ['postgresql://ann@h1:5432,h2:5432/team', 'several hosts'],
    ['postgresql://ann@localhost/team?sslmode=maybe', 'sslmode'],
  ])('refuses %s', (url, reason) => {
    const problem = problemOf(url) as { code: string; reason: string };
    expect(problem.code).toBe('team.url-invalid');
    expect(problem.reason).toContain(reason);
  });

  it('keeps the URL without its password, and puts a password back in for an invitation', () => {
    const url = parseTeamUrl('postgresql://admin:s3cret@db.example.com:6543/team?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem');
    expect(url.withoutPassword).not.toContain('s3cret');
    expect(parseTeamUrl(url.withoutPassword)).toMatchObject({ role: 'admin', password: null, host: 'db.example.com', port: 6543, database: 'team', sslmode: 'verify-full', params: { sslrootcert: '/etc/ca.pem' } });
    const invitation = urlWithPassword({ ...url, role: 'kt_acme_ann' }, 'p/w+=?&@');
    expect(parseTeamUrl(invitation)).toMatchObject({ role: 'kt_acme_ann', password: 'p/w+=?&@', host: 'db.example.com', port: 6543, sslmode: 'verify-full', params: { sslrootcert: '/etc/ca.pem' } });
    const socket = parseTeamUrl('postgresql://ann@/team?host=/run/pg&port=5999');
    expect(parseTeamUrl(urlWithPassword(socket, 'x'))).toMatchObject({ host: '/run/pg', port: 5999, password: 'x', database: 'team' });
  });
});

describe('the pg client settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyturn-tls-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names the application, bounds connecting and every statement', () => {
    const config = pgClientConfig(parseTeamUrl('postgresql://ann@127.0.0.1/team'), 'pw', 1234);
    expect(config).toMatchObject({ application_name: 'keyturn', connectionTimeoutMillis: 1234, ssl: false, user: 'ann', password: 'pw' });
    expect(config.statement_timeout).toBeGreaterThan(0);
    expect(config.query_timeout).toBeGreaterThan(0);
  });

  it('verify-full checks the chain and the host name, with the given root certificate', () => {
    const ca = join(dir, 'ca.pem');
    writeFileSync(ca, 'CERTIFICATE');
    const options = tlsOptions(parseTeamUrl(`postgresql://ann@db.example.com/team?sslrootcert=${encodeURIComponent(ca)}`));
    expect(options).toMatchObject({ rejectUnauthorized: true, servername: 'db.example.com', ca: 'CERTIFICATE' });
    expect(options && 'checkServerIdentity' in options).toBe(false);
  });

  it('verify-ca checks the chain but not the host name; require only encrypts', () => {
    const verifyCa = tlsOptions(parseTeamUrl('postgresql://ann@db.example.com/team?sslmode=verify-ca'));
    expect(verifyCa).toMatchObject({ rejectUnauthorized: true });
    expect(typeof (verifyCa as { checkServerIdentity?: unknown }).checkServerIdentity).toBe('function');
    expect(tlsOptions(parseTeamUrl('postgresql://ann@db.example.com/team?sslmode=require'))).toMatchObject({ rejectUnauthorized: false });
  });

  it('a root certificate that cannot be read is team.tls-failed, naming the file', () => {
    expect(() => tlsOptions(parseTeamUrl(`postgresql://ann@db.example.com/team?sslrootcert=${encodeURIComponent(join(dir, 'missing.pem'))}`))).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'team.tls-failed', reason: expect.stringContaining('missing.pem') }) }),
    );
  });
});
