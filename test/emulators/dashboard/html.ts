// Server-rendered HTML for the emulated dashboards: every interpolated value is escaped unless it
// is already markup built here, so a key named `<script>` is shown as text, never run.
import { createHash } from 'node:crypto';
import type { Reply } from '../server.js';

/** Markup built by `html`, safe to put into other markup as it is. */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Markup | string | number | null | undefined | false | readonly Value[];

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map((v: Value) => render(v)).join('');
  return escapeHtml(String(value as string | number));
}

/** A template whose values are escaped (text and attribute values alike; attributes are always quoted). */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}

// One small stylesheet, inline and allowed by its hash: no external resource, no inline script.
const STYLE = `
:root{color-scheme:light dark;font:15px/1.45 system-ui,sans-serif}
body{margin:0;background:Canvas;color:CanvasText}
header{display:flex;gap:1rem;align-items:center;padding:.6rem 1.2rem;border-bottom:1px solid #8886}
header strong{font-size:1.1rem}
.layout{display:flex;min-height:calc(100vh - 3rem)}
nav.sidebar{width:12rem;padding:1rem;border-right:1px solid #8886}
nav.sidebar a{display:block;padding:.3rem 0}
main{flex:1;padding:1rem 1.5rem;max-width:60rem}
.top{display:flex;justify-content:space-between;align-items:center;gap:1rem;flex-wrap:wrap}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #8886;vertical-align:middle}
code,.mono{font-family:ui-monospace,monospace}
form.inline{display:inline}
label{display:block;margin:.7rem 0 .2rem;font-weight:600}
input[type=text],input[type=date],select{font:inherit;padding:.35rem .5rem;min-width:16rem}
input.secret{width:100%;box-sizing:border-box;font-family:ui-monospace,monospace}
button,a.button{font:inherit;padding:.4rem .9rem;border-radius:6px;border:1px solid #8888;background:ButtonFace;color:ButtonText;text-decoration:none;cursor:pointer}
button.primary,a.button.primary{background:#1f5fbf;border-color:#1f5fbf;color:#fff}
button.danger{background:#b3261e;border-color:#b3261e;color:#fff}
button[disabled]{opacity:.55;cursor:not-allowed}
button.icon{padding:.25rem .45rem;line-height:0}
.dialog{border:1px solid #8888;border-radius:10px;padding:1rem 1.4rem;max-width:34rem;margin:1.5rem 0}
.error{color:#b3261e;font-weight:600}
.notice{padding:.5rem .8rem;border-left:4px solid #1f5fbf;background:#1f5fbf1a}
.warning{padding:.5rem .8rem;border-left:4px solid #b3261e;background:#b3261e1a}
.muted{opacity:.75}
`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

export const DASHBOARD_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': DASHBOARD_CSP,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // Not `no-referrer`: under it a browser sends `Origin: null` with a form, and the same-origin check refuses it.
  'referrer-policy': 'same-origin',
  // A page may show a secret once: no copy of it may stay in a cache.
  'cache-control': 'no-store',
};

export interface PageParts {
  /** The product, shown first in the title and the top bar (`Xora`). */
  product: string;
  title: string;
  csrf: string;
  /** Extra top bar content (Nora's instance picker). */
  topBar?: Markup;
  sidebar?: Markup;
  body: Markup;
  status?: number;
}

export function page(parts: PageParts): Reply {
  const body = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${parts.csrf}">
<title>${parts.title} · ${parts.product} (emulated)</title>
<style>${new Markup(STYLE)}</style>
</head>
<body>
<header><strong>${parts.product}</strong><span class="muted">emulated dashboard</span>${parts.topBar}</header>
<div class="layout">
${parts.sidebar ? html`<nav class="sidebar" aria-label="Sidebar">${parts.sidebar}</nav>` : ''}
<main>
${parts.body}
</main>
</div>
</body>
</html>
`;
  return { status: parts.status ?? 200, headers: { ...HEADERS }, body: body.text };
}

/** A plain-text refusal (bad host, bad origin, missing token): no page to render around it. */
export function refusal(status: number, message: string): Reply {
  return { status, headers: { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' }, body: `${message}\n` };
}

export function redirect(location: string): Reply {
  return { status: 303, headers: { location, 'cache-control': 'no-store' }, body: '' };
}

/** A POST form with the dashboard's CSRF token. */
export function postForm(action: string, csrf: string, inner: Markup, className = ''): Markup {
  return html`<form method="post" action="${action}"${className ? html` class="${className}"` : ''}><input type="hidden" name="csrf" value="${csrf}">${inner}</form>`;
}

/** Lucide's trash-2 outline, inline: the dashboards load nothing from elsewhere. */
export const TRASH_ICON = new Markup(
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M3 6h18"/><path d="M19 6v14c0 1-1 2-2 2H7c-1 0-2-1-2-2V6"/><path d="M8 6V4c0-1 1-2 2-2h4c1 0 2 1 2 2v2"/><line x1="10" x2="10" y1="11" y2="17"/><line x1="14" x2="14" y1="11" y2="17"/></svg>',
);

/** `2026-03-01T12:00:00.000Z` → `2026-03-01 12:00 UTC`. */
export function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
