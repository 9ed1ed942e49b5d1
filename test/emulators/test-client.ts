// Test-side HTTP helpers: real requests over loopback with the global fetch, answers as data.
import type { Emulator } from './types.js';
import { TOKEN_HEADER } from './control-http.js';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON; throws on a body that is not JSON. */
  json(): unknown;
}

export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: (): unknown => JSON.parse(text) };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return call(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** A request to the emulator's HTTP control interface, with its token unless `token` says otherwise. */
export function controlCall(
  emulator: Pick<Emulator, 'controlUrl' | 'controlToken'>,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = emulator.controlToken,
): Promise<Answer> {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (token !== null) headers[TOKEN_HEADER] = token;
  return call(`${emulator.controlUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

/** The network-level cause of a failed fetch (ECONNRESET, UND_ERR_SOCKET, ...). */
export function causeCode(error: unknown): string | undefined {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return undefined;
}

/** A clock tests can move. */
export function manualClock(start = '2026-03-01T12:00:00.000Z') {
  let current = new Date(start).getTime();
  return {
    now: (): Date => new Date(current),
    advance(ms: number): void {
      current += ms;
    },
  };
}

export const DAY_MS = 24 * 60 * 60 * 1000;
