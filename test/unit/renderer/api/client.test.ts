// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserClient, HostStopped, onHostStopped, setHostApi, type BrowserTransport } from '../../../../renderer/src/api/client.js';

/** An event stream the test drives: it says when the client closed it. */
function fakeEvents() {
  const listeners = new Map<string, ((e: Event) => void)[]>();
  const source = {
    closed: false,
    addEventListener: (type: string, listener: (e: Event) => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    removeEventListener: () => undefined,
    close() {
      source.closed = true;
    },
    fail: () => {
      for (const listener of listeners.get('error') ?? []) listener(new Event('error'));
    },
  };
  return source;
}

const answer = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const refused = () => Promise.reject(new TypeError('Failed to fetch'));

function transport(fetch: BrowserTransport['fetch']) {
  const events = fakeEvents();
  return { events, transport: { fetch, openEvents: () => events as unknown as EventSource } };
}

// Each test starts from a running host.
afterEach(() => setHostApi(null));

describe('browser mode when the host stops', () => {
  it('a call that cannot connect rejects as a stopped host, never with "Failed to fetch"; later calls do not fetch at all', async () => {
    const fetch = vi.fn<BrowserTransport['fetch']>(refused);
    const { events, transport: t } = transport(fetch);
    const api = browserClient(t);
    const stopped = vi.fn();
    onHostStopped(stopped);
    const first = await api.vaultOverview({}).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(HostStopped);
    expect(String((first as Error).message)).not.toMatch(/fetch|TypeError/);
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(events.closed).toBe(true);
    await expect(api.auditReport({})).rejects.toBeInstanceOf(HostStopped);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(stopped).toHaveBeenCalledTimes(1);
  });

  it('a dropped event stream asks once whether the host is there: an answer keeps it running, no answer stops it', async () => {
    const fetch = vi.fn<BrowserTransport['fetch']>(async () => answer({ ok: false }));
    const { events, transport: t } = transport(fetch);
    browserClient(t);
    const stopped = vi.fn();
    onHostStopped(stopped);
    events.fail();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(stopped).not.toHaveBeenCalled();
    expect(events.closed).toBe(false);
    fetch.mockImplementation(refused);
    events.fail();
    await vi.waitFor(() => expect(stopped).toHaveBeenCalledTimes(1));
    expect(events.closed).toBe(true);
    // The stream's own retries after that are closed at once, with no question asked.
    events.fail();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a host that answers is used as before: results come back, problems reject in the app words', async () => {
    const fetch = vi.fn<BrowserTransport['fetch']>(async () => answer({ ok: true, result: { until: '2026-06-02T00:00:00.000Z' } }));
    const api = browserClient(transport(fetch).transport);
    await expect(api.reminderSnooze({ ref: 'xora/acme/jobs/api', days: 1 })).resolves.toEqual({ until: '2026-06-02T00:00:00.000Z' });
    fetch.mockImplementation(async () => answer({ ok: false, error: { kind: 'failure', problem: { code: 'unexpected', detail: 'disk full' } } }));
    await expect(api.reminderSnooze({ ref: 'xora/acme/jobs/api', days: 1 })).rejects.toThrow('Something went wrong: disk full');
  });

  it('a listener added after the stop hears of it at once', async () => {
    const api = browserClient(transport(refused).transport);
    await api.vaultOverview({}).catch(() => undefined);
    const late = vi.fn();
    onHostStopped(late);
    expect(late).toHaveBeenCalledTimes(1);
  });
});

describe('browser mode while the page is being left', () => {
  it('takes the requests a reload cuts for what they are, not for a stopped host', async () => {
    const stopped = vi.fn();
    const api = browserClient(transport(refused).transport);
    onHostStopped(stopped);
    window.dispatchEvent(new Event('pagehide'));
    await api.vaultOverview({}).catch(() => undefined);
    expect(stopped).not.toHaveBeenCalled();
  });
});
