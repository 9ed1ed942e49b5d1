import type { HttpClient, HttpRequest, HttpResponse } from './types.js';

/**
 * An HttpClient whose real client is created on first use. The undici client is the largest module
 * the CLI loads; commands that never call a provider (list, show, get) should not pay for it.
 */
export function lazyHttpClient(load: () => Promise<HttpClient>): HttpClient {
  let client: Promise<HttpClient> | null = null;
  return {
    async request(req: HttpRequest): Promise<HttpResponse> {
      client ??= load();
      return (await client).request(req);
    },
    async close(): Promise<void> {
      if (client) await (await client).close();
    },
  };
}
