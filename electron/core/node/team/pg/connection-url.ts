import { fail } from '../../../domain/problems/problem-error.js';

/** A team database URL, parsed and checked: where it is, as whom, and over what TLS. */
export interface TeamUrl {
  role: string;
  /** The password the URL carried (null when it had none): stored in the keychain, never in a file. */
  password: string | null;
  host: string;
  port: number;
  database: string;
  /** The sslmode that applies: loopback may go without TLS; any other host needs require, verify-ca or verify-full (verify-full when the URL says nothing). */
  sslmode: 'disable' | 'require' | 'verify-ca' | 'verify-full';
  /** The other query parameters kept as given (sslrootcert, application_name…). */
  params: Record<string, string>;
  /** `HOST:PORT/DATABASE`, for messages and status. */
  display: string;
  /** The URL without its password: what team.json keeps. */
  withoutPassword: string;
  loopback: boolean;
}

const DEFAULT_PORT = 5432;
const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
type GivenSslMode = (typeof SSL_MODES)[number];
// Query parameters that are parts of the address, not options: kept in the fields, not in `params`.
const ADDRESS_PARAMS = new Set(['host', 'port', 'sslmode', 'user', 'password', 'dbname']);

const invalid = (reason: string): never => fail('team.url-invalid', { reason });

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return invalid(`the ${what} is not percent-encoded properly`);
  }
}

/** 127.0.0.0/8, ::1, localhost, or a Unix socket folder: traffic that never leaves this machine. */
export function isLoopbackHost(host: string): boolean {
  if (host.startsWith('/')) return true;
  const lower = host.toLowerCase();
  if (lower === 'localhost' || lower === '::1' || lower === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(lower);
  return v4 !== null && v4.slice(1).every((n) => Number(n) <= 255);
}

/** Parses a postgres:// or postgresql:// URL; throws team.url-invalid or team.tls-required. */
export function parseTeamUrl(url: string): TeamUrl {
  const match = /^(postgres|postgresql):\/\/([^/?#]*)(\/[^?#]*)?(\?[^#]*)?$/i.exec(url.trim());
  if (!match) return invalid(/^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? 'it must start with postgresql:// or postgres://' : 'it is not a URL');
  const scheme = (match[1] as string).toLowerCase();
  const authority = match[2] as string;
  const path = match[3] ?? '';
  const query = new URLSearchParams((match[4] ?? '').slice(1));

  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : authority.slice(0, at);
  const hostPort = at === -1 ? authority : authority.slice(at + 1);
  const colon = userinfo.indexOf(':');
  const role = decode(colon === -1 ? userinfo : userinfo.slice(0, colon), 'role');
  const password = colon === -1 ? null : decode(userinfo.slice(colon + 1), 'password');
  if (role === '') return invalid('it names no role (postgresql://ROLE@HOST/DATABASE)');

  let host: string;
  let portText: string | null;
  const v6 = /^\[([^\]]*)\](?::(.*))?$/.exec(hostPort);
  if (v6) {
    host = v6[1] as string;
    portText = v6[2] ?? null;
  } else {
    const c = hostPort.lastIndexOf(':');
    host = decode(c === -1 ? hostPort : hostPort.slice(0, c), 'host');
    portText = c === -1 ? null : hostPort.slice(c + 1);
  }
  if (host.includes(',') || (portText ?? '').includes(',')) return invalid('several hosts are not supported');
  const hostParam = query.get('host');
  if (hostParam !== null && hostParam !== '') host = hostParam;
  const portParam = query.get('port');
  if (portParam !== null && portParam !== '') portText = portParam;
  if (host === '') return invalid('it names no host');
  const port = portText === null || portText === '' ? DEFAULT_PORT : Number(portText);
  if ((portText !== null && portText !== '' && !/^\d+$/.test(portText)) || port < 1 || port > 65535) return invalid(`port "${portText ?? ''}" is not a port number`);

  const database = decode(path.replace(/^\//, ''), 'database');
  if (database === '') return invalid('it names no database (postgresql://ROLE@HOST/DATABASE)');
  if (database.includes('/')) return invalid('the database name holds a "/"');

  const givenMode = query.get('sslmode');
  if (givenMode !== null && !(SSL_MODES as readonly string[]).includes(givenMode)) return invalid(`sslmode "${givenMode}" is not one of ${SSL_MODES.join(', ')}`);
  const loopback = isLoopbackHost(host);
  const sslmode = effectiveSslMode(host, loopback, givenMode as GivenSslMode | null);

  const params: Record<string, string> = {};
  for (const [name, value] of query) if (!ADDRESS_PARAMS.has(name)) params[name] = value;

  const socket = host.startsWith('/');
  const display = `${socket ? host : host.includes(':') ? `[${host}]` : host}:${port}/${database}`;
  const url_: Omit<TeamUrl, 'withoutPassword'> = { role, password, host, port, database, sslmode, params, display, loopback };
  return { ...url_, withoutPassword: formatUrl(scheme, url_, givenMode, null) };
}

/** The sslmode that applies: what loopback may skip, and what any other host must have. */
function effectiveSslMode(host: string, loopback: boolean, given: GivenSslMode | null): TeamUrl['sslmode'] {
  if (given === 'require' || given === 'verify-ca' || given === 'verify-full') return given;
  // On loopback, "prefer" and "allow" would try TLS first; the traffic never leaves the machine, so plain is enough.
  if (loopback) return 'disable';
  if (given === null) return 'verify-full';
  return fail('team.tls-required', { host, given });
}

function formatUrl(scheme: string, url: Omit<TeamUrl, 'withoutPassword'>, givenMode: string | null, password: string | null): string {
  const socket = url.host.startsWith('/');
  const query = new URLSearchParams();
  // A socket folder cannot sit in the authority: it goes in host= (libpq's form), with its port.
  if (socket) {
    query.set('host', url.host);
    query.set('port', String(url.port));
  }
  if (givenMode !== null) query.set('sslmode', givenMode);
  for (const [name, value] of Object.entries(url.params)) query.set(name, value);
  const userinfo = `${encodeURIComponent(url.role)}${password === null ? '' : `:${encodeURIComponent(password)}`}`;
  const hostPart = socket ? '' : `${url.host.includes(':') ? `[${url.host}]` : encodeURIComponent(url.host)}:${url.port}`;
  const q = query.toString();
  return `${scheme}://${userinfo}@${hostPart}/${encodeURIComponent(url.database)}${q ? `?${q}` : ''}`;
}

/** The URL with `password` in it (an invitation's, shown once). */
export function urlWithPassword(url: TeamUrl, password: string): string {
  const scheme = url.withoutPassword.slice(0, url.withoutPassword.indexOf('://'));
  const givenMode = new URLSearchParams(url.withoutPassword.split('?')[1] ?? '').get('sslmode');
  return formatUrl(scheme, url, givenMode, password);
}
