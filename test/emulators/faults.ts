// Fault injection, shared by every emulator: the faults in force (FaultBook) and the request
// pipeline that applies them around a provider's handler (serveWithFaults).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { RequestLog } from './requests.js';
import { json, readBody, send, statusText, toApiRequest } from './server.js';
import type { ProviderApp, Reply } from './server.js';
import type { Fault, NoraEnv } from './types.js';

const faultSchema = z
  .strictObject({
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    // 400/404/431 as a gateway in front of the provider answers them (a wrong route, an oversized header).
    status: z.literal([400, 404, 431, 429, 500, 502, 503]).optional(),
    retryAfterSeconds: z.number().int().min(0).optional(),
    body: z.enum(['html', 'malformed-json', 'empty']).optional(),
    reset: z.boolean().optional(),
    resetAfterReceive: z.boolean().optional(),
    hang: z.boolean().optional(),
    times: z.number().int().min(1).optional(),
    method: z.string().min(1).optional(),
    pathPrefix: z.string().startsWith('/').optional(),
    env: z.enum(['sandbox', 'production']).optional(),
  })
  .superRefine((f, ctx) => {
    const actions = [f.reset, f.resetAfterReceive, f.hang, f.status !== undefined || f.body !== undefined];
    if (actions.filter(Boolean).length > 1) {
      ctx.addIssue({ code: 'custom', message: 'reset, resetAfterReceive, hang and status/body exclude one another' });
    }
    if (f.retryAfterSeconds !== undefined && f.status !== 429 && f.status !== 503) {
      ctx.addIssue({ code: 'custom', path: ['retryAfterSeconds'], message: 'Retry-After goes with status 429 or 503' });
    }
  });

/** Validates a fault (throws a ZodError naming the problem): a typo should fail the test that made it. */
export function parseFault(input: unknown): Fault {
  return faultSchema.parse(input);
}

type Entry = { fault: Fault; remaining: number | undefined };

export class FaultBook {
  #entries: Entry[] = [];

  set(fault: Fault): void {
    this.#entries = [entry(fault)];
  }

  add(fault: Fault): void {
    this.#entries.push(entry(fault));
  }

  clear(): void {
    this.#entries = [];
  }

  list(): Fault[] {
    return this.#entries.map(({ fault, remaining }) => (remaining === undefined ? { ...fault } : { ...fault, times: remaining }));
  }

  /** The first fault in force for this request, using up one of its `times`. */
  take(method: string, path: string, env: NoraEnv | undefined): Fault | undefined {
    const index = this.#entries.findIndex(({ fault: f }) =>
      (f.method === undefined || f.method.toUpperCase() === method) &&
      (f.pathPrefix === undefined || path.startsWith(f.pathPrefix)) &&
      (f.env === undefined || f.env === env),
    );
    const found = this.#entries[index];
    if (!found) return undefined;
    if (found.remaining !== undefined && --found.remaining === 0) this.#entries.splice(index, 1);
    return found.fault;
  }
}

function entry(fault: Fault): Entry {
  const parsed = parseFault(fault);
  return { fault: parsed, remaining: parsed.times };
}

export interface PipelineContext {
  app: ProviderApp;
  faults: FaultBook;
  log: RequestLog;
  now: () => Date;
  baseLatencyMs: number;
  /** Aborted by close(): pending delays end and their requests are dropped. */
  closed: AbortSignal;
  env?: NoraEnv;
}

export async function serveWithFaults(ctx: PipelineContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch {
    return; // the client went away mid-body
  }
  const api = toApiRequest(req, body);
  const record = ctx.log.add({
    method: api.method,
    path: api.path,
    at: ctx.now().toISOString(),
    status: null,
    authKeyId: ctx.app.identify(api),
    ...(ctx.env ? { env: ctx.env } : {}),
  });
  const answer = (reply: Reply): void => {
    if (send(res, reply)) ctx.log.answered(record, reply.status);
  };

  const fault = ctx.faults.take(api.method, api.path, ctx.env);
  const delay = ctx.baseLatencyMs + (fault?.latencyMs ?? 0);
  if (delay > 0 && !(await wait(delay, ctx.closed))) return;
  if (fault?.hang) return; // the socket stays open until the client or close() ends it
  if (fault?.reset) return reset(req);
  if (fault?.status !== undefined) return answer(faultReply(fault.status, fault));

  const reply = await ctx.app.handle(api);
  if (fault?.resetAfterReceive) return reset(req);
  answer(fault?.body ? replaceBody(reply, fault.body) : reply);
}

async function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/** An RST rather than a FIN, so the client sees ECONNRESET as after a real network failure. */
function reset(req: IncomingMessage): void {
  req.socket.resetAndDestroy();
}

function faultReply(status: number, fault: Fault): Reply {
  const headers: Record<string, string> =
    fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
  // Providers document no body for these statuses; a neutral JSON error is what a gateway might send.
  const reply = json(status, { error: { code: 'emulated_fault', message: statusText(status) } }, headers);
  return fault.body ? replaceBody(reply, fault.body) : reply;
}

function replaceBody(reply: Reply, kind: NonNullable<Fault['body']>): Reply {
  const headers = { ...reply.headers };
  delete headers['content-type'];
  switch (kind) {
    case 'html': {
      const title = `${reply.status} ${statusText(reply.status)}`;
      const body = `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>\n`;
      return { status: reply.status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }, body };
    }
    case 'malformed-json':
      // A JSON document cut in half, as when a proxy drops the end of a response.
      return { status: reply.status, headers: { ...headers, 'content-type': 'application/json' }, body: truncated(reply.body) };
    case 'empty':
      // Still claims JSON: the client must cope with an empty body where it expects one.
      return { status: reply.status, headers: { ...headers, 'content-type': 'application/json' }, body: '' };
  }
}

function truncated(body: string): string {
  const half = body.slice(0, Math.floor(body.length / 2));
  return /^[[{]/.test(half) ? half : '{"error": {"message": "upstr';
}
