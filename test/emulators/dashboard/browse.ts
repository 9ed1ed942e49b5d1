// Test-side: a person's browser on an emulated dashboard, reduced to what the tests look at —
// real HTTP over loopback, forms sent as a browser sends them, redirects not followed.
export interface Page {
  status: number;
  html: string;
  location: string | null;
  headers: Headers;
}

export async function open(url: string, headers: Record<string, string> = {}): Promise<Page> {
  const res = await fetch(url, { redirect: 'manual', headers });
  return { status: res.status, html: await res.text(), location: res.headers.get('location'), headers: res.headers };
}

/** The dashboard's CSRF token from a page's <meta> tag. */
export function csrfOf(page: Page): string {
  const token = /<meta name="csrf-token" content="([^"]+)">/.exec(page.html)?.[1];
  if (!token) throw new Error(`no csrf-token meta tag in the page (status ${page.status})`);
  return token;
}

/** A form submitted from a page of `origin`, with the given token (none when null). */
export async function submit(url: string, fields: Record<string, string>, csrf: string | null, headers: Record<string, string> = {}): Promise<Page> {
  const body = new URLSearchParams(csrf === null ? fields : { csrf, ...fields });
  const res = await fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url).origin, ...headers }, body });
  return { status: res.status, html: await res.text(), location: res.headers.get('location'), headers: res.headers };
}

const unescape = (text: string): string => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/** The secret a created-key page shows in its read-only field, or null when it shows none. */
export function shownSecret(page: Page): string | null {
  const value = /id="created-secret"[^>]*value="([^"]*)"/.exec(page.html)?.[1];
  return value === undefined ? null : unescape(value);
}

/** Absolute URL of a redirect's target. */
export function followed(from: string, page: Page): string {
  if (page.status !== 303 || !page.location) throw new Error(`expected a 303 redirect, got ${page.status}: ${page.html.slice(0, 200)}`);
  return new URL(page.location, from).toString();
}
