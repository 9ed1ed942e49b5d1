/**
 * Validates and encodes an `HttpRequest` before anything touches the network. Failures here are
 * `HttpFailure('network')` with zero attempts, and never echo the URL (its query may hold a key).
 */
import { HttpFailure, type HttpMethod, type HttpRequest } from './types.js';

export interface PreparedRequest {
  origin: string;
  /** Path and query, as sent. */
  path: string;
  /** `host[:port]`, the only part of the URL that appears in messages. */
  host: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body: string | undefined;
  idempotent: boolean;
}

function refuse(message: string, host?: string): HttpFailure {
  return new HttpFailure('network', message, { attempts: 0, code: 'BAD_REQUEST', ...(host === undefined ? {} : { host }) });
}

export function prepareRequest(req: HttpRequest): PreparedRequest {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw refuse('invalid URL: expected an absolute http: or https: URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refuse(`unsupported URL scheme ${JSON.stringify(url.protocol)}: only http: and https: are allowed`);
  }
  const host = url.host;
  if (url.username !== '' || url.password !== '') {
    throw refuse(`URL for ${host} embeds credentials: send them in a header instead`, host);
  }

  const headers: Record<string, string> = { ...req.headers };
  let body: string | undefined;
  if (req.json !== undefined) {
    body = serialize(req.json, host);
    const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
    if (!hasType) headers['content-type'] = 'application/json';
  }

  return {
    origin: url.origin,
    path: `${url.pathname}${url.search}`,
    host,
    method: req.method,
    headers,
    body,
    idempotent: req.idempotent ?? req.method === 'GET',
  };
}

function serialize(value: unknown, host: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) throw refuse(`request body for ${host} cannot be serialized as JSON`, host);
  return text;
}
