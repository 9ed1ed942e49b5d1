// The built page itself carries the CSP as a meta tag (besides the header both hosts send), so a
// copy of the files opened some other way is still locked down. Built here with Vite's own API.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { build } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../../../electron/app/content-security-policy.js';

const outDir = mkdtempSync(join(tmpdir(), 'keyturn-renderer-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

it('the built index.html has the CSP meta tag first in <head>, and no inline script', async () => {
  await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  expect(meta, 'CSP meta tag').not.toBeNull();
  const content = (meta?.[1] ?? '').replace(/&#39;/g, "'");
  // frame-ancestors works only as a header; everything else is the same policy.
  expect(content).toBe(CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; '));
  const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
  expect(head.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(head.search(/<script|<link/));
  for (const script of html.match(/<script\b[^>]*>/g) ?? []) expect(script).toMatch(/\ssrc="/);
  expect(html).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
}, 120_000);
