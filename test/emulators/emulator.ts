// Assembles a provider definition into a running Emulator: its server(s), the shared fault
// pipeline and request log, and the control interface in-process and over HTTP.
import type { z } from 'zod';
import { commonControlRoutes, CONTROL_PREFIX, isControlPath, serveControl } from './control-http.js';
import type { ControlRoute } from './control-http.js';
import { newCsrfToken, serveDashboard } from './dashboard/http.js';
import type { DashboardPages } from './dashboard/http.js';
import { FaultBook, serveWithFaults } from './faults.js';
import type { PipelineContext } from './faults.js';
import { randomHex } from './keys.js';
import { RequestLog } from './requests.js';
import { json, listen, send } from './server.js';
import type { ProviderApp } from './server.js';
import type { CommonControl, Emulator, EmulatorKey, EmulatorOptions, KeyControl, NoraEnv, ProviderName } from './types.js';

export interface ProviderDefinition<O extends { name: string }, K extends EmulatorKey, X extends object> {
  provider: ProviderName;
  /** Appended to the host in baseUrl(): `/v1` for Xora, `/api` for Nexora. */
  basePath: string;
  /** One server per environment (Nora) or a single one. The first is the default and carries controlUrl. */
  servers: { env?: NoraEnv; app: ProviderApp }[];
  dashboard: KeyControl<O, K> & X;
  createKeySchema: z.ZodType<O>;
  controlRoutes?: ControlRoute[];
  /** The provider's web dashboard, on every server (Nora: the same one on both); its forms carry `csrf`. */
  pages: (csrf: string) => DashboardPages;
}

export async function launch<O extends { name: string }, K extends EmulatorKey, X extends object>(
  def: ProviderDefinition<O, K, X>,
  opts: EmulatorOptions = {},
): Promise<Emulator<KeyControl<O, K> & X & CommonControl>> {
  const now = opts.now ?? (() => new Date());
  const token = opts.controlToken ?? randomHex(24);
  const faults = new FaultBook();
  const log = new RequestLog();
  const closing = new AbortController();

  const common: CommonControl = {
    setFault: (f) => faults.set(f),
    addFault: (f) => faults.add(f),
    clearFaults: () => faults.clear(),
    faults: () => faults.list(),
    requests: () => log.list(),
    resetRequests: () => log.reset(),
    waitForRequest: (match, timeoutMs) => log.waitFor(match, timeoutMs),
  };
  const control = { ...def.dashboard, ...common };

  const started: { env: NoraEnv | undefined; port: number; close(): Promise<void> }[] = [];
  const baseUrl = (env?: NoraEnv): string => {
    const server = started.find((s) => s.env === env) ?? started[0];
    if (!server) throw new Error('emulator is not listening');
    return `http://127.0.0.1:${server.port}${def.basePath}`;
  };
  const info = () => ({
    provider: def.provider,
    baseUrls: Object.fromEntries(started.map((s) => [s.env ?? 'default', baseUrl(s.env)])),
  });
  const routes = [...commonControlRoutes(control, def.createKeySchema, info), ...(def.controlRoutes ?? [])];
  const csrf = newCsrfToken();
  const pages = def.pages(csrf);

  try {
    for (const { env, app } of def.servers) {
      const ctx: PipelineContext = { app, faults, log, now, baseLatencyMs: opts.latencyMs ?? 0, closed: closing.signal, ...(env ? { env } : {}) };
      const listener = await listen((req, res) => {
        // The dashboard is a person's page, not the API: never faulted, delayed or logged.
        const dashboardPage = pages.owns(pathOf(req.url));
        const task = isControlPath(req.url)
          ? serveControl(routes, token, req, res)
          : dashboardPage
            ? serveDashboard(pages, csrf, req, res)
            : serveWithFaults(ctx, req, res);
        task.catch((error: unknown) => {
          // An emulator bug: make it loud in the test output rather than a silent hang.
          console.error(`[${def.provider} emulator]`, error);
          send(res, json(500, { error: `emulator failure: ${error instanceof Error ? error.message : String(error)}` }));
        });
      });
      started.push({ env, ...listener });
    }
  } catch (error) {
    await Promise.all(started.map((s) => s.close()));
    throw error;
  }

  const first = started[0];
  if (!first) throw new Error('a provider definition needs at least one server');
  return {
    provider: def.provider,
    baseUrl,
    control,
    controlUrl: `http://127.0.0.1:${first.port}${CONTROL_PREFIX}`,
    dashboardUrl: (env) => `${new URL(baseUrl(env)).origin}${pages.home}`,
    controlToken: token,
    async close() {
      closing.abort();
      await Promise.all(started.map((s) => s.close()));
    },
  };
}

const pathOf = (url: string | undefined): string => new URL(url ?? '/', 'http://emulator.invalid').pathname;
