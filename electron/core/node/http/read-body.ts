/**
 * Reads a response body into memory under a byte cap. The stream is always either read to its end
 * or destroyed, so undici can reuse or close the socket: a body is never left dangling.
 */
import type { IncomingHttpHeaders } from 'node:http';

export class ResponseTooLarge extends Error {
  readonly code = 'RESPONSE_TOO_LARGE';
  constructor() {
    super('response body exceeds the configured limit');
  }
}

/** The part of undici's BodyReadable we use. */
export interface BodyStream extends AsyncIterable<unknown> {
  destroy(error?: Error): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

const ignore = (): void => undefined;

export async function readCapped(body: BodyStream, maxBytes: number, contentLength: string | undefined): Promise<Buffer> {
  // Errors surface through the iterator below; this listener only keeps the 'error' that
  // destroy() emits on an unread stream from becoming an uncaught exception.
  body.on('error', ignore);
  try {
    if (contentLength !== undefined && Number(contentLength) > maxBytes) throw new ResponseTooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of body) {
      const buf = toBuffer(chunk);
      total += buf.length;
      if (total > maxBytes) throw new ResponseTooLarge();
      chunks.push(buf);
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    // Idempotent on an already-ended or destroyed stream; releases the socket otherwise.
    body.destroy();
    throw err;
  }
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), 'utf8');
}

export function decodeBody(bytes: Buffer): { text: string; json: unknown } {
  const text = bytes.toString('utf8');
  const candidate = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (candidate.trim() === '') return { text, json: undefined };
  try {
    return { text, json: JSON.parse(candidate) as unknown };
  } catch {
    return { text, json: undefined };
  }
}

/** Lower-cased names (undici already lower-cases them); repeated values joined with ", ". */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
