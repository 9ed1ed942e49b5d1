// PLACEHOLDER (foundation): built by the database part of the team inventory.
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

/** Parses a postgres:// or postgresql:// URL; throws team.url-invalid or team.tls-required. */
export function parseTeamUrl(url: string): TeamUrl {
  void url;
  return fail('team.url-invalid', { reason: 'not built yet' });
}

/** The URL with `password` in it (an invitation's, shown once). */
export function urlWithPassword(url: TeamUrl, password: string): string {
  void url;
  void password;
  throw new Error('not built yet');
}
